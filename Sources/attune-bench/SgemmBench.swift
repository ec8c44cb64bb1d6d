import AttuneCore
import Foundation

/// sgemm GFLOP/s at MiniLM's shapes, and the share of it a chain of ops with autodiff reaches:
/// the ceiling later model-FLOP-utilisation figures are measured against.
enum SgemmBench {
    static func gflops(m: Int, n: Int, k: Int, transB: Bool = false) -> Double {
        let a = Tensor(zeros: [m, k]), b = Tensor(zeros: transB ? [n, k] : [k, n]), c = Tensor(zeros: [m, n])
        for i in 0..<a.count { a[i] = Float(i % 7) * 0.01 }
        for i in 0..<b.count { b[i] = Float(i % 5) * 0.01 }
        let s = timeBest {
            BLAS.sgemm(transA: false, transB: transB, m: m, n: n, k: k, a: a.data, lda: k,
                       b: b.data, ldb: transB ? k : n, c: c.data, ldc: n)
        }
        return 2.0 * Double(m * n * k) / s / 1e9
    }

    /// Batched attention scores and context, 12 heads of 32 per sequence, as the encoder runs them.
    static func attentionGflops(seq: Int, batch: Int) -> Double {
        let width = 384, heads = 12
        let lengths = [Int](repeating: seq, count: batch)
        let q = Tensor(zeros: [seq * batch, width])
        for i in 0..<q.count { q[i] = Float(i % 11) * 0.01 }
        let s = timeBest { _ = Tensor.attention(q: q, k: q, v: q, lengths: lengths, heads: heads) }
        let flops = Double(batch * heads) * 2 * 2 * Double(seq * seq * (width / heads))
        return flops / s / 1e9
    }

    /// A feed-forward block with autodiff on: linear → GELU → linear → add → LayerNorm, forward + backward.
    static func chainShare(tokens: Int) -> (gflops: Double, share: Double) {
        let w1 = Tensor(zeros: [1536, 384], requiresGrad: true), b1 = Tensor(zeros: [1536], requiresGrad: true)
        let w2 = Tensor(zeros: [384, 1536], requiresGrad: true), b2 = Tensor(zeros: [384], requiresGrad: true)
        let g = Tensor([Float](repeating: 1, count: 384), shape: [384], requiresGrad: true)
        let be = Tensor(zeros: [384], requiresGrad: true)
        for t in [w1, w2] { for i in 0..<t.count { t[i] = Float((i * 7919) % 13 - 6) * 0.01 } }
        let x = Tensor(zeros: [tokens, 384], requiresGrad: true)
        for i in 0..<x.count { x[i] = Float(i % 17) * 0.05 }
        let s = timeBest {
            let h = x.linear(w1, b1).gelu().linear(w2, b2).add(x).layerNorm(g, be, eps: 1e-12)
            h.sum().backward()
            for p in [x, w1, b1, w2, b2, g, be] { p.zeroGrad() }
        }
        // forward 2 GEMMs + backward 4 GEMMs (dX and dW for each)
        let flops = 6 * 2 * Double(tokens * 384 * 1536)
        let chain = flops / s / 1e9
        let peak = gflops(m: tokens, n: 1536, k: 384)
        return (chain, chain / peak)
    }

    static func run(_ o: Options) {
        var r: [String: Any] = ["bench": "sgemm", "core": BLAS.coreName, "threads": Parallel.threads]
        let shapes: [(String, Int, Int, Int, Bool)] = [
            ("4096x384x384", 4096, 384, 384, true), ("4096x1536x384", 4096, 1536, 384, true),
            ("4096x384x1536", 4096, 384, 1536, true), ("2048x2048x2048", 2048, 2048, 2048, false),
        ]
        var rates: [String: Double] = [:]
        for (name, m, n, k, tb) in shapes {
            let g = gflops(m: m, n: n, k: k, transB: tb)
            rates[name] = (g * 10).rounded() / 10
            FileHandle.standardError.write(Data("sgemm \(name): \(String(format: "%.1f", g)) GFLOP/s\n".utf8))
        }
        r["gflops"] = rates
        var att: [String: Double] = [:]
        for (seq, batch) in [(128, 32), (256, 16)] {
            let g = attentionGflops(seq: seq, batch: batch)
            att["seq\(seq)"] = (g * 10).rounded() / 10
            FileHandle.standardError.write(Data("attention 12 heads, seq \(seq) × \(batch): \(String(format: "%.1f", g)) GFLOP/s\n".utf8))
        }
        r["attention_gflops"] = att
        let (chain, share) = chainShare(tokens: o.int("tokens", 4096))
        FileHandle.standardError.write(Data("FFN chain with autodiff: \(String(format: "%.1f", chain)) GFLOP/s = \(String(format: "%.0f", share * 100))% of sgemm\n".utf8))
        r["ffn_chain_autodiff_gflops"] = (chain * 10).rounded() / 10
        r["ffn_chain_share_of_sgemm"] = (share * 1000).rounded() / 1000
        emitJSON(r)
    }
}
