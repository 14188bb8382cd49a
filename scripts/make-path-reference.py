#!/usr/bin/python3
"""Regularisation-path reference for algorithms/test/linear_model/paths.test.ts.

Run with Debian's python (scikit-learn 1.2.1, numpy 1.24.2):
  /usr/bin/python3 scripts/make-path-reference.py

Data: the diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle
Regression", Annals of Statistics 32(2), 407-499 (source https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html),
as shipped raw with scikit-learn (sklearn/datasets/data/diabetes_data_raw.csv.gz, diabetes_target.csv.gz).
Writes algorithms/test/fixtures/sklearn/diabetes.json (the raw 442 x 10 data and target) and
algorithms/test/fixtures/sklearn/paths.json: lasso_path and enet_path (l1_ratio 0.5) on the
z-scored features (population std) and the centred target, at 30 alphas, tol 1e-12, plus Ridge
(alpha = n * a, the same objective scaling, see paths.json's "objective").
"""
import json, os
import numpy as np, sklearn
from sklearn.datasets import load_diabetes
from sklearn.linear_model import lasso_path, enet_path, Ridge

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "algorithms", "test", "fixtures", "sklearn")
X_raw, y = load_diabetes(return_X_y=True, scaled=False)
names = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
json.dump({
    "source": "Efron, Hastie, Johnstone & Tibshirani (2004), Least Angle Regression, Annals of Statistics 32(2) 407-499; "
              "https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html; raw copy shipped with scikit-learn 1.2.1",
    "features": names, "X": X_raw.tolist(), "y": y.tolist(),
}, open(os.path.join(root, "diabetes.json"), "w"))

Xs = (X_raw - X_raw.mean(0)) / X_raw.std(0)
yc = y - y.mean()
n = len(y)

def grid(l1_ratio, count=30, eps=1e-3):
    amax = np.max(np.abs(Xs.T @ yc)) / (n * l1_ratio)
    return np.logspace(np.log10(amax), np.log10(amax * eps), count)

out = {
    "sklearn": sklearn.__version__, "numpy": np.__version__,
    "data": "diabetes.json, X z-scored per column (population std), y centred",
    "objective": "(1/(2n))||y - Xw||^2 + a*rho*||w||_1 + (a/2)(1 - rho)||w||^2; Ridge fitted with alpha = n*a",
    "settings": {"tol": 1e-12, "max_iter": 100000},
    "paths": [],
}
for name, rho in [("lasso", 1.0), ("enet", 0.5)]:
    alphas = grid(rho)
    if rho == 1.0:
        a, coefs, _ = lasso_path(Xs, yc, alphas=alphas, tol=1e-12, max_iter=100000)
    else:
        a, coefs, _ = enet_path(Xs, yc, l1_ratio=rho, alphas=alphas, tol=1e-12, max_iter=100000)
    out["paths"].append({"model": name, "l1Ratio": rho, "alphas": a.tolist(), "coefs": coefs.T.tolist()})
alphas = np.logspace(2, -3, 30)
ridge = [Ridge(alpha=n * a, fit_intercept=True).fit(Xs, yc).coef_.tolist() for a in alphas]
out["paths"].append({"model": "ridge", "l1Ratio": 0.0, "alphas": alphas.tolist(), "coefs": ridge})
json.dump(out, open(os.path.join(root, "paths.json"), "w"), indent=0)
print("wrote", root)
