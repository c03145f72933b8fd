"""Written by `python -m bench.train_fair_acceptance` (logistic regression on the dev part of trade-fairs, C=3.0, out-of-fold lenient F1 0.897); do not edit by hand."""
BIAS = 3.1428
THRESHOLD = 0.35
WEIGHTS: tuple[float, ...] = (1.377, -0.6855, 0.6924, -0.0665, -0.7919, 0.7223, 0.2214, -1.9768, -1.1865, 0.3647, -0.6716, 0.2125, -0.2438, -1.2405, 1.3205, 0.1242, 0.7532, 0.7037, -0.2966, -0.6901, 0.2859)
