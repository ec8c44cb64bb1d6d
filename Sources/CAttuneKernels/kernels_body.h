// The kernels (not a header: a body), included once per build by kernels.c with SUFFIX (a name suffix) and TARGET (a
// function attribute) defined. Loops are written so the compiler vectorises them for TARGET:
// selects instead of branches, and reductions over LANES partial sums (the same order in every
// build, so builds differ only by fused multiply-adds).

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define FN(name) CAT(name, SUFFIX)

// erf, branch-free: |x| < 0.9: x·P(x²); 0.9 ≤ |x| < 2.1 and 2.1 ≤ |x| < 3.92: 1 − erfc fits;
// |x| ≥ 3.92: 1. (Chebyshev least-squares fits, rounded to float.)
static inline TARGET float FN(erf1)(float x) {
    float a = x < 0 ? -x : x;
    float t0 = (a * a - 0.405f) * 2.4691358024691357f;
    float s = 3.766074599e-07f;
    s = s * t0 - 6.654298886e-06f;
    s = s * t0 + 1.010977721e-04f;
    s = s * t0 - 1.305893995e-03f;
    s = s * t0 + 1.391165890e-02f;
    s = s * t0 - 1.201502532e-01f;
    s = s * t0 + 9.929032326e-01f;
    float small = a * s;
    int hi = a > 2.1f;
    float t1 = hi ? (a - 3.01f) * 1.0989010989010988f : (a - 1.5f) * 1.6666666666666667f;
    float r = hi ? 3.223911335e-06f : -1.480824812e-05f;
    r = r * t1 + (hi ? 4.530424121e-05f : 4.045068272e-05f);
    r = r * t1 + (hi ? -2.059503313e-04f : 1.303911413e-04f);
    r = r * t1 + (hi ? 4.199627729e-04f : -9.021752630e-04f);
    r = r * t1 + (hi ? -6.030430086e-04f : 1.157036866e-03f);
    r = r * t1 + (hi ? 6.761688273e-04f : 5.780157633e-03f);
    r = r * t1 + (hi ? -5.646607024e-04f : -2.997061610e-02f);
    r = r * t1 + (hi ? 3.276041534e-04f : 6.422234327e-02f);
    r = r * t1 + (hi ? -1.192917189e-04f : -7.135816664e-02f);
    r = r * t1 + (hi ? 2.072380994e-05f : 3.389485553e-02f);
    float tail = 1 - r;
    float y = a < 0.9f ? small : (a >= 3.92f ? 1.0f : tail);
    return x < 0 ? -y : y;
}

// e^x (Cephes expf): n = round(x·log₂e) by the 1.5·2²³ trick, r = x − n·ln2 in two parts, e^r by a
// degree-7 polynomial, then ·2ⁿ as two factors so that n = ±128 and gradual underflow come out right.
static inline TARGET float FN(exp1)(float x) {
    float xc = x < -104.0f ? -104.0f : x;
    xc = xc > 88.8f ? 88.8f : xc;
    float k = xc * 1.44269504088896341f + 12582912.0f;
    float n = k - 12582912.0f;
    float r = xc - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    float y = p * (r * r) + r + 1;
    int32_t ni = (int32_t)(bits_of(k) - 0x4B400000u);
    int32_t n1 = ni >> 1, n2 = ni - n1;
    float s1 = float_of((uint32_t)(n1 + 127) << 23);
    float s2 = float_of((uint32_t)(n2 + 127) << 23);
    return y * s1 * s2;
}

static inline TARGET float FN(sum)(const float *x, long n) {
    float acc[LANES] = {0};
    long i = 0;
    for (; i + LANES <= n; i += LANES)
        for (int l = 0; l < LANES; l++) acc[l] += x[i + l];
    float s = 0;
    for (int l = 0; l < LANES; l++) s += acc[l];
    for (; i < n; i++) s += x[i];
    return s;
}

static inline TARGET float FN(dot)(const float *a, const float *b, long n) {
    float acc[LANES] = {0};
    long i = 0;
    for (; i + LANES <= n; i += LANES)
        for (int l = 0; l < LANES; l++) acc[l] += a[i + l] * b[i + l];
    float s = 0;
    for (int l = 0; l < LANES; l++) s += acc[l];
    for (; i < n; i++) s += a[i] * b[i];
    return s;
}

static inline TARGET float FN(max)(const float *x, long n) {
    float acc[LANES];
    for (int l = 0; l < LANES; l++) acc[l] = -INFINITY;
    long i = 0;
    for (; i + LANES <= n; i += LANES)
        for (int l = 0; l < LANES; l++) acc[l] = x[i + l] > acc[l] ? x[i + l] : acc[l];
    float m = -INFINITY;
    for (int l = 0; l < LANES; l++) m = acc[l] > m ? acc[l] : m;
    for (; i < n; i++) m = x[i] > m ? x[i] : m;
    return m;
}

static TARGET void FN(gelu)(const float *x, float *y, long n) {
    for (long i = 0; i < n; i++) {
        float v = x[i];
        y[i] = 0.5f * v * (1 + FN(erf1)(v * 0.70710678118654752f));
    }
}

static TARGET void FN(gelu_backward)(const float *restrict x, const float *restrict g, float *restrict d, long n) {
    for (long i = 0; i < n; i++) {
        float v = x[i];
        float cdf = 0.5f * (1 + FN(erf1)(v * 0.70710678118654752f));
        float pdf = 0.39894228040143268f * FN(exp1)(-0.5f * v * v);
        d[i] += g[i] * (cdf + v * pdf);
    }
}

static TARGET void FN(softmax_rows)(float *p, long rows, long cols) {
    for (long i = 0; i < rows; i++) {
        float *restrict r = p + i * cols;
        float mx = FN(max)(r, cols);
        for (long j = 0; j < cols; j++) r[j] = FN(exp1)(r[j] - mx);
        float inv = 1 / FN(sum)(r, cols);
        for (long j = 0; j < cols; j++) r[j] *= inv;
    }
}

static TARGET void FN(softmax_backward_rows)(const float *restrict p, const float *restrict g, float *restrict dx,
                                           long rows, long cols) {
    for (long i = 0; i < rows; i++) {
        const float *pr = p + i * cols, *gr = g + i * cols;
        float *restrict dr = dx + i * cols;
        float dot = FN(dot)(gr, pr, cols);
        for (long j = 0; j < cols; j++) dr[j] += pr[j] * (gr[j] - dot);
    }
}

static TARGET void FN(layernorm_rows)(const float *restrict x, const float *restrict gamma, const float *restrict beta,
                                    float *restrict y, float *restrict xhat, float *restrict rstd,
                                    long rows, long cols, float eps) {
    for (long i = 0; i < rows; i++) {
        const float *row = x + i * cols;
        float *restrict yr = y + i * cols;
        float mean = FN(sum)(row, cols) / (float)cols;
        // The variance as a sum of squared deviations (two passes, as the reference does).
        float acc[LANES] = {0};
        long j = 0;
        for (; j + LANES <= cols; j += LANES)
            for (int l = 0; l < LANES; l++) { float d = row[j + l] - mean; acc[l] += d * d; }
        float var = 0;
        for (int l = 0; l < LANES; l++) var += acc[l];
        for (; j < cols; j++) { float d = row[j] - mean; var += d * d; }
        float inv = 1 / sqrtf(var / (float)cols + eps);
        if (xhat && rstd) {
            float *restrict xh = xhat + i * cols;
            rstd[i] = inv;
            for (long k = 0; k < cols; k++) { float h = (row[k] - mean) * inv; xh[k] = h; yr[k] = h * gamma[k] + beta[k]; }
        } else {
            for (long k = 0; k < cols; k++) yr[k] = (row[k] - mean) * inv * gamma[k] + beta[k];
        }
    }
}

static TARGET void FN(layernorm_backward_rows)(const float *restrict g, const float *restrict gamma,
                                             const float *restrict xhat, const float *restrict rstd,
                                             float *restrict dx, long rows, long cols) {
    for (long i = 0; i < rows; i++) {
        const float *gr = g + i * cols, *xh = xhat + i * cols;
        float *restrict dr = dx + i * cols;
        float a1[LANES] = {0}, a2[LANES] = {0};
        long j = 0;
        for (; j + LANES <= cols; j += LANES)
            for (int l = 0; l < LANES; l++) {
                float d = gr[j + l] * gamma[j + l];
                a1[l] += d; a2[l] += d * xh[j + l];
            }
        float m1 = 0, m2 = 0;
        for (int l = 0; l < LANES; l++) { m1 += a1[l]; m2 += a2[l]; }
        for (; j < cols; j++) { float d = gr[j] * gamma[j]; m1 += d; m2 += d * xh[j]; }
        m1 /= (float)cols; m2 /= (float)cols;
        float rs = rstd[i];
        for (long k = 0; k < cols; k++) dr[k] += rs * (gr[k] * gamma[k] - m1 - xh[k] * m2);
    }
}

static TARGET void FN(layernorm_param_grads)(const float *restrict g, const float *restrict xhat,
                                           float *restrict dgamma, float *restrict dbeta, long rows, long cols) {
    for (long i = 0; i < rows; i++) {
        const float *gr = g + i * cols, *xh = xhat + i * cols;
        if (dgamma) for (long j = 0; j < cols; j++) dgamma[j] += gr[j] * xh[j];
        if (dbeta) for (long j = 0; j < cols; j++) dbeta[j] += gr[j];
    }
}

// A quantized index's scan: int8 codes against a float query, sign bits against the query's bits.
static TARGET void FN(dot_u8_rows)(const float *restrict q, const uint8_t *restrict codes, float *restrict out,
                                   long rows, long cols) {
    for (long r = 0; r < rows; r++) {
        const uint8_t *c = codes + r * cols;
        float acc[LANES] = {0};
        long j = 0;
        for (; j + LANES <= cols; j += LANES)
            for (int l = 0; l < LANES; l++) acc[l] += q[j + l] * (float)c[j + l];
        float s = 0;
        for (int l = 0; l < LANES; l++) s += acc[l];
        for (; j < cols; j++) s += q[j] * (float)c[j];
        out[r] = s;
    }
}

static TARGET void FN(hamming_rows)(const uint64_t *restrict q, const uint64_t *restrict codes, float *restrict out,
                                    long rows, long words) {
    for (long r = 0; r < rows; r++) {
        const uint64_t *c = codes + r * words;
        long h = 0;
        for (long i = 0; i < words; i++) h += __builtin_popcountll(c[i] ^ q[i]);
        out[r] = -(float)h;
    }
}

static const attune_kernel_table FN(table) = {
    NAME, FN(gelu), FN(gelu_backward), FN(softmax_rows), FN(softmax_backward_rows),
    FN(layernorm_rows), FN(layernorm_backward_rows), FN(layernorm_param_grads),
    FN(dot_u8_rows), FN(hamming_rows),
};

#undef CAT2
#undef CAT
#undef FN
