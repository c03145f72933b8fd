"""Written by `python -m bench.train_fair_venues` (logistic regression on the dev part of trade-fairs, C=10.0, out-of-fold venue accuracy 0.848); do not edit by hand."""
BIAS = -4.4438
THRESHOLD = 0.4
WEIGHTS: tuple[float, ...] = (0.7271, -2.9849, 0.2867, 1.8234, 1.8156, 0.0, 2.6207, 0.2754, 0.9749, 0.4201, 1.68, -0.5417, 2.144, 0.352, -0.6397, -0.4348, 1.296, -0.1662, -0.0421, 1.0426, 4.2359, -1.467, 0.6695, -0.4361)
