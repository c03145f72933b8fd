"""Written by `python -m bench.train_fair_venues` (logistic regression on the dev part of trade-fairs, C=3.0, out-of-fold venue accuracy 0.816); do not edit by hand."""
BIAS = -4.3021
THRESHOLD = 0.3
WEIGHTS: tuple[float, ...] = (0.0841, -1.9128, -0.1034, 1.5032, 1.6622, 0.0, 2.3263, 0.0618, 0.7565, 0.1608, 1.0788, -0.2606, 1.249, 0.4507, -0.347, 0.2653, 1.0972, 0.2843, 0.1585, 1.241, 2.2327, -0.9708, 0.1845, -0.3423)
