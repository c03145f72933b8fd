"""Written by `python -m bench.train_fair_venues` (logistic regression on the dev part of trade-fairs, C=10.0, out-of-fold venue accuracy 0.848); do not edit by hand."""
BIAS = -4.4224
THRESHOLD = 0.4
WEIGHTS: tuple[float, ...] = (0.7037, -2.9687, 0.2843, 1.8213, 1.8157, 0.0, 2.6141, 0.2695, 0.973, 0.4157, 1.6751, -0.5427, 2.1386, 0.351, -0.635, -0.4362, 1.2866, -0.1653, -0.045, 1.0449, 4.2201, -1.466, 0.6615, -0.4406)
