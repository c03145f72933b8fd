"""Written by `python -m bench.train_fair_venues` (logistic regression on the dev part of trade-fairs, C=3.0, out-of-fold venue accuracy 0.816); do not edit by hand."""
BIAS = -4.2966
THRESHOLD = 0.3
WEIGHTS: tuple[float, ...] = (0.0828, -1.9257, -0.1085, 1.5041, 1.666, 0.0, 2.3285, 0.0629, 0.7574, 0.1603, 1.0788, -0.2601, 1.248, 0.4502, -0.3511, 0.2678, 1.0986, 0.2843, 0.1573, 1.2448, 2.233, -0.9713, 0.1804, -0.3434)
