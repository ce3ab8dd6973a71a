#!/usr/bin/python3
"""scikit-learn's KMeans on the bench's data, from the same initial centroids as BranchLoop's k-means.

Reads the rows as raw little-endian float64 (n x d), the initial centroids as a CSV with a header row,
fits Lloyd's algorithm with n_init=1, and prints one JSON object: the seconds of fit() alone, inertia,
iterations and centroids. With --labels-out, also writes the labels as raw int32.
Exits with code 3 and a message on stderr when scikit-learn is missing.
"""
import argparse
import json
import os
import sys
import time

try:
    import numpy as np
    import sklearn
    from sklearn.cluster import KMeans
except ImportError as error:  # the bench turns this into a note and skips the comparison
    sys.stderr.write(f"scikit-learn is missing ({error}): apt-get install python3-sklearn\n")
    sys.exit(3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--d", type=int, required=True)
    parser.add_argument("--init", required=True)
    parser.add_argument("--max-iter", type=int, default=300)
    parser.add_argument("--tol", type=float, default=1e-4)
    parser.add_argument("--labels-out")
    args = parser.parse_args()

    data = np.fromfile(args.data, dtype="<f8", count=args.n * args.d).reshape(args.n, args.d)
    init = np.loadtxt(args.init, delimiter=",", skiprows=1, ndmin=2)
    model = KMeans(
        n_clusters=init.shape[0],
        init=init,
        n_init=1,
        max_iter=args.max_iter,
        tol=args.tol,
        algorithm="lloyd",
    )
    started = time.perf_counter()
    model.fit(data)
    seconds = time.perf_counter() - started
    if args.labels_out:
        model.labels_.astype("<i4").tofile(args.labels_out)
    json.dump(
        {
            "sklearn": sklearn.__version__,
            "cpus": os.cpu_count(),
            "seconds": seconds,
            "inertia": float(model.inertia_),
            "iterations": int(model.n_iter_),
            "centroids": model.cluster_centers_.tolist(),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
