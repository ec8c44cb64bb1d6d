// The kernel builds (kernels_body.h, once per instruction set) and the choice among them.
#include "attune_kernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define LANES 16

static inline uint32_t bits_of(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static inline float float_of(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

#define SUFFIX _baseline
#define TARGET
#define NAME "baseline"
#include "kernels_body.h"
#undef SUFFIX
#undef TARGET
#undef NAME

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define ATTUNE_X86 1

#define SUFFIX _avx2
#define TARGET __attribute__((target("avx2,fma,popcnt")))
#define NAME "avx2+fma"
#include "kernels_body.h"
#undef SUFFIX
#undef TARGET
#undef NAME

#define SUFFIX _avx512
#define TARGET __attribute__((target("avx512f,avx2,fma,popcnt")))
#define NAME "avx512f"
#include "kernels_body.h"
#undef SUFFIX
#undef TARGET
#undef NAME
#endif

const attune_kernel_table *attune_kernels_level(int level) {
    switch (level) {
    case 0: return &table_baseline;
#ifdef ATTUNE_X86
    case 1:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("popcnt") ? &table_avx2 : 0;
    case 2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
            && __builtin_cpu_supports("popcnt") ? &table_avx512 : 0;
#endif
    default: return 0;
    }
}

// Chosen once, when the library loads (before any thread of the program can call a kernel).
static const attune_kernel_table *chosen = &table_baseline;

__attribute__((constructor)) static void attune_kernels_choose(void) {
    for (int level = 2; level > 0; level--) {
        const attune_kernel_table *t = attune_kernels_level(level);
        if (t) { chosen = t; return; }
    }
}

const attune_kernel_table *attune_kernels(void) { return chosen; }

float attune_fast_erf(float x) { return erf1_baseline(x); }
float attune_fast_exp(float x) { return exp1_baseline(x); }
