// Attune's hot elementwise kernels: GELU, row softmax and LayerNorm, forward and backward; and
// the scans of a quantized index (int8 dot products, Hamming distances).
//
// Each kernel is compiled three times on x86-64 — for AVX-512F, for AVX2+FMA and for the baseline —
// and the best table the CPU supports is picked once when the library loads (other CPUs get the
// baseline build only). Every function is single-threaded over the rows or values it is given;
// callers split work across threads. Pointers must not alias unless said.
#ifndef ATTUNE_KERNELS_H
#define ATTUNE_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One build of every kernel.
typedef struct attune_kernel_table {
    /// "avx512f", "avx2+fma" or "baseline".
    const char *name;
    /// y[i] = gelu(x[i]) (erf form); y may equal x.
    void (*gelu)(const float *x, float *y, long n);
    /// d[i] += g[i] * gelu'(x[i]).
    void (*gelu_backward)(const float *x, const float *g, float *d, long n);
    /// Each of `rows` rows of `cols` values of p (in place): p = softmax(p).
    void (*softmax_rows)(float *p, long rows, long cols);
    /// dx += p ∘ (g − ⟨g, p⟩) for each row (p = softmax output).
    void (*softmax_backward_rows)(const float *p, const float *g, float *dx, long rows, long cols);
    /// y = (x − mean)/sqrt(var + eps) ∘ gamma + beta per row; when xhat and rstd are not NULL,
    /// also the normalised rows and 1/sqrt(var + eps) of each row (for the backward pass).
    void (*layernorm_rows)(const float *x, const float *gamma, const float *beta, float *y,
                           float *xhat, float *rstd, long rows, long cols, float eps);
    /// dx += rstd ∘ (dxh − mean(dxh) − xhat ∘ mean(dxh ∘ xhat)) per row, with dxh = g ∘ gamma.
    void (*layernorm_backward_rows)(const float *g, const float *gamma, const float *xhat,
                                    const float *rstd, float *dx, long rows, long cols);
    /// dgamma[j] += Σ_rows g ∘ xhat and dbeta[j] += Σ_rows g (either may be NULL).
    void (*layernorm_param_grads)(const float *g, const float *xhat, float *dgamma, float *dbeta,
                                  long rows, long cols);
    /// out[r] = Σ_j q[j] · codes[r·cols + j] for each of `rows` rows of unsigned bytes (an int8 scan).
    void (*dot_u8_rows)(const float *q, const uint8_t *codes, float *out, long rows, long cols);
    /// out[r] = −popcount(q ⊕ codes[r]) over `words` 64-bit words per row (a binary scan: minus
    /// the Hamming distance).
    void (*hamming_rows)(const uint64_t *q, const uint64_t *codes, float *out, long rows, long words);
} attune_kernel_table;

/// The table the kernels run with: the best this CPU supports.
const attune_kernel_table *attune_kernels(void);

/// The table of build `level` (0 baseline, 1 AVX2+FMA, 2 AVX-512F), or NULL when this CPU (or
/// this build) lacks it. For tests that check every build against the baseline.
const attune_kernel_table *attune_kernels_level(int level);

/// erf(x) for float, |error| ≤ 1e-7 (the baseline build's scalar form).
float attune_fast_erf(float x);
/// e^x for float, relative error ≤ 1.2e-7 wherever the result is a normal float.
float attune_fast_exp(float x);

#ifdef __cplusplus
}
#endif

#endif
