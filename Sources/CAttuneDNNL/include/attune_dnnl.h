// Low-precision dense layers on oneDNN's matmul (bf16 and int8), with libdnnl.so.2 opened at
// run time: nothing links against oneDNN, so a build or a machine without it still runs fp32, and
// `attune_dnnl_load` says why low precision is unavailable.
//
// A layer computes y[m×N] = x[m×K] · Wᵀ + b for a weight W[N×K] (Hugging Face's layout), with the
// token count m known only per call: each layer's matmul primitive is created once with a run-time
// m, and its weights converted and reordered once, when the layer is created.
//
//   bf16: x and W rounded to bfloat16 (round to nearest even), products accumulated in fp32, fp32 bias.
//   int8: W quantized per output channel, symmetric s8: w_scale[n] = max|W[n,:]| / 127,
//         W_q = round(W / w_scale). x quantized per token (row) when called, asymmetric u8 (a
//         post-LayerNorm or post-GELU row is not centred at 0, so this keeps a bit that symmetric s8
//         loses): x_scale[m] = (max − min) / 255, x_zero[m] = round(−min / x_scale), x_q = round(x /
//         x_scale) + x_zero in [0, 255]. oneDNN multiplies u8 × s8 into s32 (VNNI's own vpdpbusd
//         operand types, so no hidden compensation) and scales by w_scale[n]; the zero point is
//         taken out with the weights' row sums, precomputed once, comp[n] = w_scale[n] · Σ_k W_q[n,k]:
//         y[m,n] = (acc[m,n] · w_scale[n] − x_zero[m] · comp[n]) · x_scale[m] + b[n], in fp32.
#ifndef ATTUNE_DNNL_H
#define ATTUNE_DNNL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The arithmetic of a layer.
enum { ATTUNE_PRECISION_BF16 = 1, ATTUNE_PRECISION_INT8 = 2 };

/// Open libdnnl.so.2 (once; thread-safe) and create its CPU engine and stream. Returns 1 when
/// oneDNN is usable, else 0 with the reason in `attune_dnnl_error()`. `ATTUNE_DNNL_MAX_ISA`
/// (e.g. "avx2") caps the instructions oneDNN may use, as if the CPU lacked the rest.
int attune_dnnl_load(void);
/// Why `attune_dnnl_load` failed ("" when it did not).
const char *attune_dnnl_error(void);
/// "oneDNN 2.6.3 (…)" after a successful load, else "".
const char *attune_dnnl_version(void);
/// Whether the CPU (as oneDNN sees it, after any ATTUNE_DNNL_MAX_ISA cap) has the instructions the
/// precision needs: AVX-512 BF16 for bf16, VNNI (AVX-512 or AVX2) for int8. 0 before a load.
int attune_dnnl_supports(int precision);
/// oneDNN's name for the instruction set it uses ("avx512_core_bf16", …), "" before a load.
const char *attune_dnnl_isa_name(void);

/// One dense layer in low precision.
typedef struct attune_dnnl_linear attune_dnnl_linear;

/// Create a layer from `weight[n_out×k_in]` (row-major) and `bias[n_out]` (may be NULL), converting
/// the weights once. NULL on failure with the reason in `err`.
attune_dnnl_linear *attune_dnnl_linear_create(int precision, long n_out, long k_in, const float *weight,
                                              const float *bias, char *err, size_t errlen);
/// oneDNN's implementation name for the layer's matmul (e.g. "gemm:jit"), for reports.
const char *attune_dnnl_linear_impl(const attune_dnnl_linear *layer);
/// int8: comp[n] = w_scale[n] · Σ_k W_q[n,k] (for `attune_dequantize_rows`); NULL for bf16.
const float *attune_dnnl_linear_compensation(const attune_dnnl_linear *layer);
/// Run the matmul on `src` (m×K, already converted: bf16 bits for bf16, u8 for int8) into
/// `dst` (m×N fp32). bf16 adds the bias; int8 leaves acc·w_scale in dst for
/// `attune_dequantize_rows`. Returns 0 on success. Safe to call from several threads.
int attune_dnnl_linear_execute(attune_dnnl_linear *layer, long m, const void *src, float *dst);
void attune_dnnl_linear_destroy(attune_dnnl_linear *layer);

/// out[i] = bfloat16(x[i]), rounded to nearest even (NaN kept a NaN).
void attune_f32_to_bf16(const float *x, uint16_t *out, long n);
/// Each of `rows` rows of `cols` values, symmetric: scale[r] = max|x[r,:]| / 127 (1 for an
/// all-zero row), q[r,c] = round(x[r,c] / scale[r]) in [-127, 127].
void attune_quantize_rows_s8(const float *x, long rows, long cols, int8_t *q, float *scale);
/// Each row, asymmetric: lo = min(min x[r,:], 0), hi = max(max x[r,:], 0), scale[r] = (hi − lo) / 255
/// (1 for an all-zero row), zero[r] = round(−lo / scale[r]), q[r,c] = round(x[r,c] / scale[r]) + zero[r]
/// in [0, 255].
void attune_quantize_rows_u8(const float *x, long rows, long cols, uint8_t *q, float *scale, float *zero);
/// y[r,c] = (y[r,c] − zero[r] · comp[c]) · scale[r] + bias[c] (bias may be NULL).
void attune_dequantize_rows(float *y, long rows, long cols, const float *scale, const float *zero,
                            const float *comp, const float *bias);

#ifdef __cplusplus
}
#endif

#endif
