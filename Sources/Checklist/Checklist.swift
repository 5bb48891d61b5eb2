// Checklist module.
