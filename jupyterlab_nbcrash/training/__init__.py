"""Training and evaluating the text model (scikit-learn; never imported at diagnosis time).

- ``data``: labelled JSONL files (the corpus, the study's dev file, feedback) → examples
- ``fit``: examples → tokens → TF-IDF + one logistic regression per dimension → ``Model``
- ``metrics``: accuracy, macro-F1 and confusions of predictions against labels
- ``crossval``: k-fold cross-validation of the full ``diagnose()`` output
"""
