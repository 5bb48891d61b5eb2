// ShipshapeAPI module.
