#!/usr/bin/python3
"""scikit-learn reference timings for the scaling bench (`pnpm bench`, group `scale`).

How to run (by hand, on a machine with scikit-learn; Debian 12's python3-sklearn is 1.2.1,
the version of our reference fixtures, and installs for /usr/bin/python3):

    apt-get install -y python3-sklearn
    /usr/bin/python3 scripts/sklearn-timings.py            # all sizes (several minutes)
    /usr/bin/python3 scripts/sklearn-timings.py --quick    # 1k and 2k sizes only

It writes algorithms/bench/fixtures/sklearn-timings.json: per estimator and size n, the best
time in ms of `fit` (best of 3; a single run when the first run takes over 3 s), as the process
CPU time (time.process_time; equal to the wall time of these single-thread fits on an idle
machine, and unlike it not inflated when other jobs share the cores), with the wall time too, the
sklearn/numpy/scipy versions, the CPU model and the thread settings. BLAS and OpenMP are pinned
to one thread (OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1, set below before numpy loads), so the
numbers are scikit-learn's single-thread times.

The data sets are NOT stored: both sides regenerate them from a seed with the same formulas
(algorithms/bench/_scale-data.ts is the TypeScript twin of the generators here). The uniform
source is counter-based Mulberry32, u_k = mix(seed + (k + 1)·0x6D2B79F5) / 2³², so NumPy can
compute it vectorised; normals are Box-Muller, z_k = √(−2 ln(1 − u_2k)) cos(2π u_2k+1). The two
sides agree to the last bit or two (libm's log/cos may differ by an ulp), which is all a timing
needs. Each record also stores a summary of the fitted result (inertia, clusters, accuracy…)
so that the bench can check that both libraries solved the same problem.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import json, platform, sys, time, warnings  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from sklearn import cluster, decomposition, ensemble, linear_model, mixture, svm, tree  # noqa: E402

warnings.filterwarnings("ignore")
M32 = np.uint64(0xFFFFFFFF)


# ---------------------------------------------------------------- data (twin of _scale-data.ts)
def uniforms(seed, count):
    """u_k, k = 0 … count−1: counter-based Mulberry32."""
    k = np.arange(1, count + 1, dtype=np.uint64)
    t = ((np.uint64(seed) + k * np.uint64(0x6D2B79F5)) & M32).astype(np.uint32)
    with np.errstate(over="ignore"):
        t = (t ^ (t >> np.uint32(15))) * (t | np.uint32(1))
        t = t ^ (t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61)))
        t = t ^ (t >> np.uint32(14))
    return t.astype(np.float64) / 4294967296.0


def normals(seed, count):
    u = uniforms(seed, 2 * count)
    return np.sqrt(-2.0 * np.log(1.0 - u[0::2])) * np.cos(2.0 * np.pi * u[1::2])


def blobs(n, d=2, centers=5, seed=1):
    C = -10.0 + 20.0 * uniforms(seed + 1, centers * d).reshape(centers, d)
    y = np.arange(n) % centers
    return C[y] + normals(seed, n * d).reshape(n, d), y


def moons(n, noise=0.05, seed=2):
    n_out = n // 2
    n_in = n - n_out
    a = np.linspace(0, np.pi, n_out)
    b = np.linspace(0, np.pi, n_in)
    X = np.concatenate([np.stack([np.cos(a), np.sin(a)], 1), np.stack([1 - np.cos(b), 0.5 - np.sin(b)], 1)])
    y = np.concatenate([np.zeros(n_out, int), np.ones(n_in, int)])
    return X + noise * normals(seed, n * 2).reshape(n, 2), y


def circles(n, factor=0.3, noise=0.05, seed=3):
    n_out = n // 2
    n_in = n - n_out
    a = 2 * np.pi * np.arange(n_out) / n_out
    b = 2 * np.pi * np.arange(n_in) / n_in
    X = np.concatenate([np.stack([np.cos(a), np.sin(a)], 1), factor * np.stack([np.cos(b), np.sin(b)], 1)])
    y = np.concatenate([np.zeros(n_out, int), np.ones(n_in, int)])
    return X + noise * normals(seed, n * 2).reshape(n, 2), y


def classification(n, d=20, informative=5, seed=4):
    """Two classes at opposite-ish hypercube vertices (±1) in the informative features, N(0, 1)
    everywhere, 2 % of the labels flipped: the overlap of make_classification's defaults."""
    y = np.arange(n) % 2
    V = np.where(uniforms(seed + 1, 2 * informative).reshape(2, informative) < 0.5, -1.0, 1.0)
    V[1] = -V[0]
    X = normals(seed, n * d).reshape(n, d)
    X[:, :informative] += V[y]
    flip = uniforms(seed + 2, n) < 0.02
    y = np.where(flip, 1 - y, y)
    return X, y


def lowrank(n, d=100, rank=10, seed=5):
    """Rank-10 signal plus noise: X = Z B + 0.5 E."""
    Z = normals(seed, n * rank).reshape(n, rank)
    B = normals(seed + 1, rank * d).reshape(rank, d)
    return Z @ B + 0.5 * normals(seed + 2, n * d).reshape(n, d)


def dbscan_eps(n):
    """ε shrinks as 1/√n so that a neighbourhood holds about the same count at every n."""
    return 0.3 * (10000.0 / n) ** 0.5


# ------------------------------------------------------------------------------- the cases
K = 1000
CASES = [
    # name, sizes, data(n) -> (X, y), make estimator(n), summary(model, X, y)
    ("KMeans", [K, 10 * K, 100 * K], lambda n: blobs(n), lambda n: cluster.KMeans(5, n_init=10, random_state=0),
     lambda m, X, y: {"inertia": float(m.inertia_)}),
    ("DBSCAN", [K, 10 * K, 100 * K], lambda n: blobs(n), lambda n: cluster.DBSCAN(eps=dbscan_eps(n), min_samples=5),
     lambda m, X, y: {"nClusters": int(m.labels_.max() + 1), "nNoise": int((m.labels_ < 0).sum()), "nCore": int(len(m.core_sample_indices_))}),
    ("GaussianMixture", [K, 10 * K, 100 * K], lambda n: blobs(n),
     lambda n: mixture.GaussianMixture(5, covariance_type="full", random_state=0),
     lambda m, X, y: {"meanLogLikelihood": float(m.score(X))}),
    ("AgglomerativeClustering", [K, 10 * K], lambda n: moons(n, 0.05),
     lambda n: cluster.AgglomerativeClustering(2, linkage="ward"),
     lambda m, X, y: {"sizes": sorted(np.bincount(m.labels_).tolist())}),
    ("SpectralClustering", [1500, 10 * K], lambda n: moons(n, 0.05),
     lambda n: cluster.SpectralClustering(2, affinity="nearest_neighbors", n_neighbors=10, random_state=0),
     lambda m, X, y: {"ari": float(__import__("sklearn.metrics").metrics.adjusted_rand_score(y, m.labels_))}),
    ("PCA", [K, 10 * K, 100 * K], lambda n: (lowrank(n), None), lambda n: decomposition.PCA(),
     lambda m, X, y: {"evr10": float(m.explained_variance_ratio_[:10].sum())}),
    ("PCA10", [K, 10 * K, 100 * K], lambda n: (lowrank(n), None), lambda n: decomposition.PCA(10, random_state=0),
     lambda m, X, y: {"evr10": float(m.explained_variance_ratio_.sum()), "solver": m._fit_svd_solver}),
    ("KernelPCA", [K, 2 * K], lambda n: circles(n), lambda n: decomposition.KernelPCA(2, kernel="rbf", gamma=10, random_state=0),
     lambda m, X, y: {"eigenvalues": [float(v) for v in m.eigenvalues_], "solver": m._fit_eigen_solver if hasattr(m, "_fit_eigen_solver") else "auto"}),
    ("SVC", [K, 10 * K], lambda n: classification(n), lambda n: svm.SVC(kernel="rbf", C=1.0, gamma="scale"),
     lambda m, X, y: {"nSupport": int(m.support_.size), "trainAccuracy": float(m.score(X, y))}),
    ("LogisticRegression", [K, 10 * K, 100 * K], lambda n: classification(n),
     lambda n: linear_model.LogisticRegression(C=1.0, max_iter=1000),
     lambda m, X, y: {"trainAccuracy": float(m.score(X, y)), "nIter": int(m.n_iter_[0])}),
    ("DecisionTreeClassifier", [K, 10 * K, 100 * K], lambda n: classification(n),
     lambda n: tree.DecisionTreeClassifier(random_state=0), lambda m, X, y: {"nLeaves": int(m.get_n_leaves())}),
    ("RandomForestClassifier", [K, 10 * K], lambda n: classification(n),
     lambda n: ensemble.RandomForestClassifier(100, random_state=0, n_jobs=1),
     lambda m, X, y: {"trainAccuracy": float(m.score(X, y))}),
]


def time_fit(make, X, y):
    best, wall, model = float("inf"), float("inf"), None
    for rep in range(3):
        m = make()
        w0, t0 = time.perf_counter(), time.process_time()
        m.fit(X) if y is None else m.fit(X, y)
        dt = (time.process_time() - t0) * 1000
        wall = min(wall, (time.perf_counter() - w0) * 1000)
        if dt < best:
            best, model = dt, m
        if dt > 3000:
            break
    return best, wall, model


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    quick = "--quick" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "algorithms", "bench", "fixtures", "sklearn-timings.json")
    results = {}
    if os.path.exists(out):
        results = json.load(open(out)).get("results", {})
    for name, sizes, data, make, summary in CASES:
        if only and name not in only:
            continue
        for n in sizes:
            if quick and n > 2 * K:
                continue
            X, y = data(n)
            unsupervised = name in ("KMeans", "DBSCAN", "GaussianMixture", "AgglomerativeClustering", "SpectralClustering", "PCA", "PCA10", "KernelPCA")
            ms, wall, model = time_fit(lambda: make(n), X, None if unsupervised else y)
            rec = {"ms": round(ms, 2), "wallMs": round(wall, 2), **summary(model, X, y)}
            results.setdefault(name, {})[str(n)] = rec
            print(f"{name:24s} n={n:7d} {ms:10.1f} ms cpu {wall:10.1f} ms wall  {json.dumps({k: v for k, v in rec.items() if k not in ('ms', 'wallMs')})}", flush=True)
    meta = {
        "sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
        "python": platform.python_version(), "machine": f"{cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}",
        "threads": {k: os.environ[k] for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")},
        "timing": "ms: best of 3 fit() process CPU times (one run when the first exceeds 3 s); wallMs: best wall time",
        "date": time.strftime("%Y-%m-%d"),
        "results": results,
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(out))


if __name__ == "__main__":
    main()
