// See attune_dnnl.h. oneDNN's v2 C API, called through pointers from dlopen("libdnnl.so.2"); the
// header (libdnnl-dev) supplies the types and signatures. Built without the header, every
// low-precision entry point reports that oneDNN is unavailable.
#include "attune_dnnl.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char load_error[512] = "";
static char version_text[128] = "";
static char isa_text[64] = "";

const char *attune_dnnl_error(void) { return load_error; }
const char *attune_dnnl_version(void) { return version_text; }
const char *attune_dnnl_isa_name(void) { return isa_text; }

// ---- conversions (no oneDNN needed) ---------------------------------------------------------------

void attune_f32_to_bf16(const float *x, uint16_t *out, long n) {
    for (long i = 0; i < n; i++) {
        uint32_t u;
        memcpy(&u, &x[i], 4);
        if ((u & 0x7fffffffu) > 0x7f800000u) { out[i] = (uint16_t)((u >> 16) | 0x40); continue; }
        u += 0x7fffu + ((u >> 16) & 1u);
        out[i] = (uint16_t)(u >> 16);
    }
}

// Round to nearest even for |v| < 2²²: adding and subtracting 1.5·2²³ leaves the rounded value
// (the compiler keeps the order: no -ffast-math here), and vectorises where nearbyintf does not.
static inline float round_even(float v) { return (v + 12582912.0f) - 12582912.0f; }

void attune_quantize_rows_s8(const float *x, long rows, long cols, int8_t *q, float *scale) {
    for (long r = 0; r < rows; r++) {
        const float *xr = x + r * cols;
        int8_t *qr = q + r * cols;
        float m = 0;
        for (long c = 0; c < cols; c++) { float a = fabsf(xr[c]); m = a > m ? a : m; }
        float s = m > 0 ? m / 127.0f : 1.0f, inv = 1.0f / s;
        for (long c = 0; c < cols; c++) {
            float v = round_even(xr[c] * inv);
            v = v > 127.0f ? 127.0f : (v < -127.0f ? -127.0f : v);
            qr[c] = (int8_t)v;
        }
        scale[r] = s;
    }
}

void attune_quantize_rows_u8(const float *x, long rows, long cols, uint8_t *q, float *scale, float *zero) {
    for (long r = 0; r < rows; r++) {
        const float *xr = x + r * cols;
        uint8_t *qr = q + r * cols;
        float lo = 0, hi = 0;
        for (long c = 0; c < cols; c++) { lo = xr[c] < lo ? xr[c] : lo; hi = xr[c] > hi ? xr[c] : hi; }
        float s = hi > lo ? (hi - lo) / 255.0f : 1.0f, inv = 1.0f / s;
        float z = round_even(-lo * inv);
        for (long c = 0; c < cols; c++) {
            float v = round_even(xr[c] * inv) + z;
            v = v > 255.0f ? 255.0f : (v < 0.0f ? 0.0f : v);
            qr[c] = (uint8_t)v;
        }
        scale[r] = s;
        zero[r] = z;
    }
}

void attune_dequantize_rows(float *y, long rows, long cols, const float *scale, const float *zero,
                            const float *comp, const float *bias) {
    for (long r = 0; r < rows; r++) {
        float *yr = y + r * cols;
        float s = scale[r], z = zero[r];
        if (bias) for (long c = 0; c < cols; c++) yr[c] = (yr[c] - z * comp[c]) * s + bias[c];
        else for (long c = 0; c < cols; c++) yr[c] = (yr[c] - z * comp[c]) * s;
    }
}

#if defined(__has_include)
#if __has_include(<oneapi/dnnl/dnnl.h>)
#define ATTUNE_HAVE_DNNL_HEADER 1
#endif
#endif

#ifdef ATTUNE_HAVE_DNNL_HEADER
#include <dlfcn.h>
#include <oneapi/dnnl/dnnl.h>

// Every oneDNN function used, as a pointer of the header's own type.
#define DNNL_FUNCS(X) \
    X(dnnl_engine_create) X(dnnl_stream_create) X(dnnl_version) X(dnnl_get_effective_cpu_isa) \
    X(dnnl_set_max_cpu_isa) X(dnnl_memory_desc_init_by_tag) X(dnnl_matmul_desc_init) \
    X(dnnl_primitive_attr_create) X(dnnl_primitive_attr_destroy) X(dnnl_primitive_attr_set_output_scales) \
    X(dnnl_primitive_desc_create) X(dnnl_primitive_desc_destroy) X(dnnl_primitive_desc_query) \
    X(dnnl_primitive_desc_query_md) X(dnnl_primitive_create) X(dnnl_primitive_destroy) \
    X(dnnl_primitive_execute) X(dnnl_reorder_primitive_desc_create) X(dnnl_memory_create) \
    X(dnnl_memory_destroy) X(dnnl_memory_desc_get_size) X(dnnl_stream_wait)

#define DECLARE(f) static __typeof__(&f) p_##f;
DNNL_FUNCS(DECLARE)
#undef DECLARE

static dnnl_engine_t engine;
static dnnl_stream_t stream;
static int loaded;  // 1 usable, -1 failed
static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t stream_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *isa_name(dnnl_cpu_isa_t isa) {
    switch (isa) {
    case dnnl_cpu_isa_sse41: return "sse41";
    case dnnl_cpu_isa_avx: return "avx";
    case dnnl_cpu_isa_avx2: return "avx2";
    case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
    case dnnl_cpu_isa_avx512_core: return "avx512_core";
    case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
    case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
    case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx";
    default: return "other";
    }
}

static void do_load(void) {
    loaded = -1;
    // OpenMP's idle workers would otherwise spin between matmuls while Attune's own threads run
    // LayerNorm, softmax and GELU on the same cores (a user's setting is kept).
    setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    void *h = dlopen("libdnnl.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(load_error, sizeof load_error, "oneDNN is not installed (%s); install libdnnl-dev (scripts/setup.sh does)", dlerror());
        return;
    }
#define LOOKUP(f) \
    p_##f = (__typeof__(&f))dlsym(h, #f); \
    if (!p_##f) { snprintf(load_error, sizeof load_error, "libdnnl.so.2 lacks %s (oneDNN 2.x expected)", #f); return; }
    DNNL_FUNCS(LOOKUP)
#undef LOOKUP
    const char *cap = getenv("ATTUNE_DNNL_MAX_ISA");
    if (cap && *cap) {
        static const struct { const char *name; dnnl_cpu_isa_t isa; } caps[] = {
            {"sse41", dnnl_cpu_isa_sse41}, {"avx", dnnl_cpu_isa_avx}, {"avx2", dnnl_cpu_isa_avx2},
            {"avx2_vnni", dnnl_cpu_isa_avx2_vnni}, {"avx512_core", dnnl_cpu_isa_avx512_core},
            {"avx512_core_vnni", dnnl_cpu_isa_avx512_core_vnni}, {"avx512_core_bf16", dnnl_cpu_isa_avx512_core_bf16},
            {"all", dnnl_cpu_isa_all}};
        int found = 0;
        for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
            if (strcmp(cap, caps[i].name) == 0) { p_dnnl_set_max_cpu_isa(caps[i].isa); found = 1; }
        if (!found) {
            snprintf(load_error, sizeof load_error, "ATTUNE_DNNL_MAX_ISA=%s is not one of sse41, avx, avx2, avx2_vnni, avx512_core, avx512_core_vnni, avx512_core_bf16, all", cap);
            return;
        }
    }
    if (p_dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success || p_dnnl_stream_create(&stream, engine, dnnl_stream_default_flags) != dnnl_success) {
        snprintf(load_error, sizeof load_error, "oneDNN could not create its CPU engine");
        return;
    }
    const dnnl_version_t *v = p_dnnl_version();
    snprintf(version_text, sizeof version_text, "oneDNN %d.%d.%d", v->major, v->minor, v->patch);
    snprintf(isa_text, sizeof isa_text, "%s", isa_name(p_dnnl_get_effective_cpu_isa()));
    loaded = 1;
}

int attune_dnnl_load(void) {
    pthread_once(&load_once, do_load);
    return loaded == 1;
}

int attune_dnnl_supports(int precision) {
    if (!attune_dnnl_load()) return 0;
    unsigned isa = (unsigned)p_dnnl_get_effective_cpu_isa();
    switch (precision) {
    case ATTUNE_PRECISION_BF16: return (isa & dnnl_cpu_isa_avx512_core_bf16) == dnnl_cpu_isa_avx512_core_bf16;
    case ATTUNE_PRECISION_INT8:
        return (isa & dnnl_cpu_isa_avx512_core_vnni) == dnnl_cpu_isa_avx512_core_vnni
            || (isa & dnnl_cpu_isa_avx2_vnni) == dnnl_cpu_isa_avx2_vnni;
    default: return 0;
    }
}

struct attune_dnnl_linear {
    int precision;
    long n, k;
    dnnl_primitive_t matmul;
    dnnl_memory_desc_t weights_md;
    dnnl_memory_t weights, bias;      // in the primitive's layout; bias NULL for int8 (added after)
    float *w_scale;                   // int8 only
    float *comp;                      // int8 only: w_scale[n] · Σ_k W_q[n,k]
    float *bias_copy;                 // bf16 only (the bias memory's buffer)
    char impl[96];
};

#define CHECK(call, what) \
    do { if ((call) != dnnl_success) { snprintf(err, errlen, "oneDNN: %s failed", what); goto fail; } } while (0)

attune_dnnl_linear *attune_dnnl_linear_create(int precision, long n_out, long k_in, const float *weight,
                                              const float *bias, char *err, size_t errlen) {
    if (!attune_dnnl_load()) { snprintf(err, errlen, "%s", load_error); return NULL; }
    if (precision != ATTUNE_PRECISION_BF16 && precision != ATTUNE_PRECISION_INT8) {
        snprintf(err, errlen, "unknown precision %d", precision); return NULL;
    }
    attune_dnnl_linear *l = calloc(1, sizeof *l);
    dnnl_primitive_attr_t attr = NULL;
    dnnl_primitive_desc_t pd = NULL, rpd = NULL;
    dnnl_primitive_t reorder = NULL;
    dnnl_memory_t user_w = NULL;
    void *converted = NULL;
    if (!l) { snprintf(err, errlen, "out of memory"); return NULL; }
    l->precision = precision; l->n = n_out; l->k = k_in;
    int int8 = precision == ATTUNE_PRECISION_INT8;
    dnnl_data_type_t in_type = int8 ? dnnl_u8 : dnnl_bf16, w_type = int8 ? dnnl_s8 : dnnl_bf16;

    // The weights as the matmul's B operand [K, N]: W[N×K] row-major is B in "ba" order.
    dnnl_memory_desc_t src_md, dst_md, w_any, w_user, b_md;
    dnnl_dims_t src_dims = {DNNL_RUNTIME_DIM_VAL, k_in}, dst_dims = {DNNL_RUNTIME_DIM_VAL, n_out};
    dnnl_dims_t w_dims = {k_in, n_out}, b_dims = {1, n_out};
    CHECK(p_dnnl_memory_desc_init_by_tag(&src_md, 2, src_dims, in_type, dnnl_ab), "source descriptor");
    CHECK(p_dnnl_memory_desc_init_by_tag(&dst_md, 2, dst_dims, dnnl_f32, dnnl_ab), "destination descriptor");
    CHECK(p_dnnl_memory_desc_init_by_tag(&w_any, 2, w_dims, w_type, dnnl_format_tag_any), "weights descriptor");
    CHECK(p_dnnl_memory_desc_init_by_tag(&w_user, 2, w_dims, w_type, dnnl_ba), "weights descriptor");
    CHECK(p_dnnl_memory_desc_init_by_tag(&b_md, 2, b_dims, dnnl_f32, dnnl_ab), "bias descriptor");
    int fused_bias = !int8 && bias;
    dnnl_matmul_desc_t md;
    CHECK(p_dnnl_matmul_desc_init(&md, &src_md, &w_any, fused_bias ? &b_md : NULL, &dst_md), "matmul descriptor");
    CHECK(p_dnnl_primitive_attr_create(&attr), "attributes");

    // Convert the weights (once): bf16 bits, or per-channel scales and s8 values.
    if (int8) {
        l->w_scale = malloc(sizeof(float) * n_out);
        converted = malloc((size_t)n_out * k_in);
        if (!l->w_scale || !converted) { snprintf(err, errlen, "out of memory"); goto fail; }
        attune_quantize_rows_s8(weight, n_out, k_in, converted, l->w_scale);
        l->comp = malloc(sizeof(float) * n_out);
        if (!l->comp) { snprintf(err, errlen, "out of memory"); goto fail; }
        for (long j = 0; j < n_out; j++) {
            long sum = 0;
            const int8_t *row = (const int8_t *)converted + j * k_in;
            for (long c = 0; c < k_in; c++) sum += row[c];
            l->comp[j] = l->w_scale[j] * (float)sum;
        }
        CHECK(p_dnnl_primitive_attr_set_output_scales(attr, n_out, 1 << 1, l->w_scale), "output scales");
    } else {
        converted = malloc(sizeof(uint16_t) * n_out * k_in);
        if (!converted) { snprintf(err, errlen, "out of memory"); goto fail; }
        attune_f32_to_bf16(weight, converted, n_out * k_in);
    }
    CHECK(p_dnnl_primitive_desc_create(&pd, &md, attr, engine, NULL), int8 ? "int8 matmul (no implementation for this CPU)" : "bf16 matmul (no implementation for this CPU)");
    const char *impl = NULL;
    if (p_dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl) == dnnl_success && impl)
        snprintf(l->impl, sizeof l->impl, "%s", impl);
    CHECK(p_dnnl_primitive_create(&l->matmul, pd), "matmul primitive");

    // Reorder the converted weights into the layout the primitive chose.
    l->weights_md = *p_dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md, 0);
    CHECK(p_dnnl_memory_create(&user_w, &w_user, engine, converted), "weights memory");
    CHECK(p_dnnl_memory_create(&l->weights, &l->weights_md, engine, DNNL_MEMORY_ALLOCATE), "weights memory");
    CHECK(p_dnnl_reorder_primitive_desc_create(&rpd, &w_user, engine, &l->weights_md, engine, NULL), "weights reorder");
    CHECK(p_dnnl_primitive_create(&reorder, rpd), "weights reorder");
    {
        dnnl_exec_arg_t args[2] = {{DNNL_ARG_FROM, user_w}, {DNNL_ARG_TO, l->weights}};
        pthread_mutex_lock(&stream_lock);
        dnnl_status_t s = p_dnnl_primitive_execute(reorder, stream, 2, args);
        if (s == dnnl_success) s = p_dnnl_stream_wait(stream);
        pthread_mutex_unlock(&stream_lock);
        CHECK(s, "weights reorder");
    }
    if (fused_bias) {
        l->bias_copy = malloc(sizeof(float) * n_out);
        if (!l->bias_copy) { snprintf(err, errlen, "out of memory"); goto fail; }
        memcpy(l->bias_copy, bias, sizeof(float) * n_out);
        CHECK(p_dnnl_memory_create(&l->bias, &b_md, engine, l->bias_copy), "bias memory");
    }
    p_dnnl_primitive_destroy(reorder);
    p_dnnl_primitive_desc_destroy(rpd);
    p_dnnl_memory_destroy(user_w);
    p_dnnl_primitive_desc_destroy(pd);
    p_dnnl_primitive_attr_destroy(attr);
    free(converted);
    return l;
fail:
    if (reorder) p_dnnl_primitive_destroy(reorder);
    if (rpd) p_dnnl_primitive_desc_destroy(rpd);
    if (user_w) p_dnnl_memory_destroy(user_w);
    if (pd) p_dnnl_primitive_desc_destroy(pd);
    if (attr) p_dnnl_primitive_attr_destroy(attr);
    free(converted);
    attune_dnnl_linear_destroy(l);
    return NULL;
}

const char *attune_dnnl_linear_impl(const attune_dnnl_linear *l) { return l->impl; }
const float *attune_dnnl_linear_compensation(const attune_dnnl_linear *l) { return l->comp; }

int attune_dnnl_linear_execute(attune_dnnl_linear *l, long m, const void *src, float *dst) {
    if (m == 0) return 0;
    int int8 = l->precision == ATTUNE_PRECISION_INT8;
    dnnl_memory_desc_t src_md, dst_md;
    dnnl_dims_t src_dims = {m, l->k}, dst_dims = {m, l->n};
    dnnl_memory_t s = NULL, d = NULL;
    dnnl_status_t st = p_dnnl_memory_desc_init_by_tag(&src_md, 2, src_dims, int8 ? dnnl_u8 : dnnl_bf16, dnnl_ab);
    if (st == dnnl_success) st = p_dnnl_memory_desc_init_by_tag(&dst_md, 2, dst_dims, dnnl_f32, dnnl_ab);
    if (st == dnnl_success) st = p_dnnl_memory_create(&s, &src_md, engine, (void *)src);
    if (st == dnnl_success) st = p_dnnl_memory_create(&d, &dst_md, engine, dst);
    if (st == dnnl_success) {
        dnnl_exec_arg_t args[4] = {{DNNL_ARG_SRC, s}, {DNNL_ARG_WEIGHTS, l->weights}, {DNNL_ARG_DST, d}, {DNNL_ARG_BIAS, l->bias}};
        pthread_mutex_lock(&stream_lock);
        st = p_dnnl_primitive_execute(l->matmul, stream, l->bias ? 4 : 3, args);
        if (st == dnnl_success) st = p_dnnl_stream_wait(stream);
        pthread_mutex_unlock(&stream_lock);
    }
    if (s) p_dnnl_memory_destroy(s);
    if (d) p_dnnl_memory_destroy(d);
    return st == dnnl_success ? 0 : (int)st;
}

void attune_dnnl_linear_destroy(attune_dnnl_linear *l) {
    if (!l) return;
    if (l->matmul) p_dnnl_primitive_destroy(l->matmul);
    if (l->weights) p_dnnl_memory_destroy(l->weights);
    if (l->bias) p_dnnl_memory_destroy(l->bias);
    free(l->w_scale);
    free(l->comp);
    free(l->bias_copy);
    free(l);
}

#else  // built without oneDNN's header

int attune_dnnl_load(void) {
    snprintf(load_error, sizeof load_error, "Attune was built without oneDNN's header; install libdnnl-dev (scripts/setup.sh does) and rebuild");
    return 0;
}
int attune_dnnl_supports(int precision) { (void)precision; return 0; }
struct attune_dnnl_linear { int unused; };
attune_dnnl_linear *attune_dnnl_linear_create(int precision, long n_out, long k_in, const float *weight,
                                              const float *bias, char *err, size_t errlen) {
    (void)precision; (void)n_out; (void)k_in; (void)weight; (void)bias;
    attune_dnnl_load();
    snprintf(err, errlen, "%s", load_error);
    return NULL;
}
const char *attune_dnnl_linear_impl(const attune_dnnl_linear *l) { (void)l; return ""; }
const float *attune_dnnl_linear_compensation(const attune_dnnl_linear *l) { (void)l; return NULL; }
int attune_dnnl_linear_execute(attune_dnnl_linear *l, long m, const void *src, float *dst) {
    (void)l; (void)m; (void)src; (void)dst; return -1;
}
void attune_dnnl_linear_destroy(attune_dnnl_linear *l) { (void)l; }

#endif
