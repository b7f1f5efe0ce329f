"""Training and evaluating the text model (scikit-learn; never imported at diagnosis time).

- ``data``: labelled JSONL files (the corpus, the study's dev file, feedback) → examples
- ``fit``: examples → tokens → TF-IDF + one logistic regression per dimension → ``Model``
- ``calibrate``: per head a temperature, a mixing weight with the uniform distribution and (root
  cause) the real crashes' prior, fitted on out-of-fold predictions
- ``metrics``: accuracy, macro-F1, confusions, coverage accuracy, top-2, ECE and distribution
  distance of predictions against labels
- ``folds``: random and grouped (held-out libraries, crash-type families, source) fold splits
- ``crossval``: k-fold cross-validation of the full ``diagnose()`` output
- ``feedback``: the users' verdicts from the panel → the corrections layer
  (``diagnosis/corrections.py``) that ``train --with-feedback`` writes
- ``paraphrase``: a labelled crash with the user's names, keys, paths and numbers changed
"""
