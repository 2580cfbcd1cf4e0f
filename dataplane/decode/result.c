#include "dataplane/decode/result.h"

static const char *const result_names[SS_RESULT_COUNT] = {
#define SS_RESULT_NAME(name, str) str,
    SS_RESULT_LIST(SS_RESULT_NAME)
#undef SS_RESULT_NAME
};

static const char *const layer_names[SS_LAYER_COUNT] = {
#define SS_LAYER_NAME(name, str) str,
    SS_LAYER_LIST(SS_LAYER_NAME)
#undef SS_LAYER_NAME
};

const char *ss_result_name(enum ss_result r)
{
    return (unsigned)r < SS_RESULT_COUNT ? result_names[r] : "invalid";
}

const char *ss_layer_name(enum ss_layer l)
{
    return (unsigned)l < SS_LAYER_COUNT ? layer_names[l] : "invalid";
}
