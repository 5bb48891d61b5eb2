// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
#ifndef SHIPSHAPE_CCURL_SHIM_H
#define SHIPSHAPE_CCURL_SHIM_H

#include <curl/curl.h>

static inline CURLcode shim_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode shim_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode shim_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode shim_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode shim_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets a blob option (CA bundle, client certificate or key) from memory; libcurl copies the bytes.
static inline CURLcode shim_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(handle, option, &blob);
}

typedef size_t (*shim_data_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode shim_easy_setopt_data_callback(CURL *handle, CURLoption option, shim_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode shim_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode shim_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode shim_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static const size_t shim_writefunc_pause = CURL_WRITEFUNC_PAUSE;
static const long shim_pipe_multiplex = CURLPIPE_MULTIPLEX;
static const long shim_pause_continue = CURLPAUSE_CONT;
static const long shim_http_version_2tls = CURL_HTTP_VERSION_2TLS;
static const long shim_global_default = CURL_GLOBAL_DEFAULT;

#endif
