"""Written by `python -m bench.train_fair_venues` (logistic regression on the dev part of trade-fairs, C=3.0, out-of-fold venue accuracy 0.818); do not edit by hand."""
BIAS = -4.1524
THRESHOLD = 0.3
WEIGHTS: tuple[float, ...] = (0.0433, -1.8469, -0.2277, 1.3516, 1.3255, 0.0, 2.5401, 0.2312, 0.4636, 0.2218, 1.3822, -0.3535, 1.1502, 0.3567, -0.345, 0.295, 1.3083, 0.3024, 0.2065, 1.4395, 2.1438, -0.9345, 0.3599, -0.4182, -1.1553)
