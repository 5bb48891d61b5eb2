// libcurl loaded on first use: this file defines the libcurl functions Shipshape calls, each
// forwarding to the library opened with dlopen. The definitions are hidden (not exported), so
// libcurl's own calls and dlsym still reach libcurl's functions, never these.
#define CURL_DISABLE_TYPECHECK
#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define HIDDEN __attribute__((visibility("hidden")))

#if defined(__APPLE__)
static const char libcurl_name[] = "libcurl.4.dylib";
#else
static const char libcurl_name[] = "libcurl.so.4";
#endif

// Every libcurl function called (the variadic ones only through the shims).
#define LIBCURL_FUNCTIONS(X) \
    X(curl_global_init) X(curl_version) X(curl_free) \
    X(curl_easy_init) X(curl_easy_cleanup) X(curl_easy_setopt) X(curl_easy_getinfo) \
    X(curl_easy_pause) X(curl_easy_strerror) \
    X(curl_multi_init) X(curl_multi_cleanup) X(curl_multi_setopt) X(curl_multi_add_handle) \
    X(curl_multi_remove_handle) X(curl_multi_perform) X(curl_multi_poll) X(curl_multi_wakeup) \
    X(curl_multi_info_read) X(curl_multi_strerror) \
    X(curl_slist_append) X(curl_slist_free_all) \
    X(curl_url) X(curl_url_cleanup) X(curl_url_get) X(curl_url_set)

#define LIBCURL_POINTER(name) __typeof__(name) *p_##name;
static struct { LIBCURL_FUNCTIONS(LIBCURL_POINTER) } api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[512];

static void load(void) {
    void *library = dlopen(libcurl_name, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "libcurl could not be loaded: %s", reason ? reason : libcurl_name);
        return;
    }
#define LIBCURL_RESOLVE(name) \
    if ((api.p_##name = (__typeof__(name) *)dlsym(library, #name)) == NULL) { \
        snprintf(load_error, sizeof load_error, "libcurl could not be loaded: %s has no %s (libcurl 7.71 or later is needed)", \
                 libcurl_name, #name); \
        return; \
    }
    LIBCURL_FUNCTIONS(LIBCURL_RESOLVE)
    loaded = 1;
}

static int ready(void) {
    pthread_once(&load_once, load);
    return loaded;
}

HIDDEN const char *shim_curl_load_error(void) { return ready() ? NULL : load_error; }

HIDDEN CURLcode curl_global_init(long flags) { return ready() ? api.p_curl_global_init(flags) : CURLE_FAILED_INIT; }

HIDDEN char *curl_version(void) {
    static char unavailable[] = "libcurl (not loaded)";
    return ready() ? api.p_curl_version() : unavailable;
}

HIDDEN void curl_free(void *pointer) {
    if (ready()) api.p_curl_free(pointer);
}

HIDDEN CURL *curl_easy_init(void) { return ready() ? api.p_curl_easy_init() : NULL; }

HIDDEN void curl_easy_cleanup(CURL *handle) {
    if (ready()) api.p_curl_easy_cleanup(handle);
}

HIDDEN CURLcode curl_easy_pause(CURL *handle, int bitmask) {
    return ready() ? api.p_curl_easy_pause(handle, bitmask) : CURLE_FAILED_INIT;
}

HIDDEN const char *curl_easy_strerror(CURLcode code) {
    return ready() ? api.p_curl_easy_strerror(code) : load_error;
}

HIDDEN CURLM *curl_multi_init(void) { return ready() ? api.p_curl_multi_init() : NULL; }

HIDDEN CURLMcode curl_multi_cleanup(CURLM *multi) { return ready() ? api.p_curl_multi_cleanup(multi) : CURLM_BAD_HANDLE; }

HIDDEN CURLMcode curl_multi_add_handle(CURLM *multi, CURL *handle) {
    return ready() ? api.p_curl_multi_add_handle(multi, handle) : CURLM_BAD_HANDLE;
}

HIDDEN CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *handle) {
    return ready() ? api.p_curl_multi_remove_handle(multi, handle) : CURLM_BAD_HANDLE;
}

HIDDEN CURLMcode curl_multi_perform(CURLM *multi, int *running) {
    return ready() ? api.p_curl_multi_perform(multi, running) : CURLM_BAD_HANDLE;
}

HIDDEN CURLMcode curl_multi_poll(CURLM *multi, struct curl_waitfd extra_fds[], unsigned int extra_count, int timeout_ms, int *ret) {
    return ready() ? api.p_curl_multi_poll(multi, extra_fds, extra_count, timeout_ms, ret) : CURLM_BAD_HANDLE;
}

HIDDEN CURLMcode curl_multi_wakeup(CURLM *multi) { return ready() ? api.p_curl_multi_wakeup(multi) : CURLM_BAD_HANDLE; }

HIDDEN CURLMsg *curl_multi_info_read(CURLM *multi, int *queued) {
    return ready() ? api.p_curl_multi_info_read(multi, queued) : NULL;
}

HIDDEN const char *curl_multi_strerror(CURLMcode code) {
    return ready() ? api.p_curl_multi_strerror(code) : load_error;
}

HIDDEN struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    return ready() ? api.p_curl_slist_append(list, text) : NULL;
}

HIDDEN void curl_slist_free_all(struct curl_slist *list) {
    if (ready()) api.p_curl_slist_free_all(list);
}

HIDDEN CURLU *curl_url(void) { return ready() ? api.p_curl_url() : NULL; }

HIDDEN void curl_url_cleanup(CURLU *url) {
    if (ready()) api.p_curl_url_cleanup(url);
}

HIDDEN CURLUcode curl_url_get(CURLU *url, CURLUPart part, char **value, unsigned int flags) {
    return ready() ? api.p_curl_url_get(url, part, value, flags) : CURLUE_OUT_OF_MEMORY;
}

HIDDEN CURLUcode curl_url_set(CURLU *url, CURLUPart part, const char *value, unsigned int flags) {
    return ready() ? api.p_curl_url_set(url, part, value, flags) : CURLUE_OUT_OF_MEMORY;
}

// The shims over the variadic calls.

HIDDEN CURLcode shim_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return ready() ? api.p_curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return ready() ? api.p_curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return ready() ? api.p_curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return ready() ? api.p_curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return ready() ? api.p_curl_easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return ready() ? api.p_curl_easy_setopt(handle, option, &blob) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_setopt_data_callback(CURL *handle, CURLoption option, shim_data_callback callback) {
    return ready() ? api.p_curl_easy_setopt(handle, option, callback) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return ready() ? api.p_curl_easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLcode shim_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return ready() ? api.p_curl_easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

HIDDEN CURLMcode shim_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return ready() ? api.p_curl_multi_setopt(handle, option, value) : CURLM_BAD_HANDLE;
}
