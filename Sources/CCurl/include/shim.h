// libcurl for Swift: typed wrappers for its variadic calls, which Swift cannot call directly,
// and the lazy loading of the library itself (LazyCurl.c). Shipshape does not link libcurl:
// the first libcurl call loads it with dlopen, so commands that never talk to a cluster
// (render, audit of files, rules) do not pay for loading libcurl and the ~35 libraries it needs.
#ifndef SHIPSHAPE_CCURL_SHIM_H
#define SHIPSHAPE_CCURL_SHIM_H

#include <stddef.h>
#include <curl/curl.h>

/// Why libcurl could not be loaded (the loader's message), or NULL when it is loaded. Loads it
/// on first call, like every libcurl function here.
const char *shim_curl_load_error(void);

CURLcode shim_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode shim_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode shim_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode shim_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode shim_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
/// Sets a blob option (CA bundle, client certificate or key) from memory; libcurl copies the bytes.
CURLcode shim_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length);

typedef size_t (*shim_data_callback)(char *buffer, size_t size, size_t count, void *context);

CURLcode shim_easy_setopt_data_callback(CURL *handle, CURLoption option, shim_data_callback callback);
CURLcode shim_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode shim_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLMcode shim_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

static const size_t shim_writefunc_pause = CURL_WRITEFUNC_PAUSE;
static const long shim_pipe_multiplex = CURLPIPE_MULTIPLEX;
static const long shim_pause_continue = CURLPAUSE_CONT;
static const long shim_http_version_2tls = CURL_HTTP_VERSION_2TLS;
static const long shim_global_default = CURL_GLOBAL_DEFAULT;

#endif
