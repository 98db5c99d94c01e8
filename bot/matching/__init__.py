"""Matching: question text in, the best snippet (or an honest "not covered") out.

Normalisation, the TF-IDF index, the trust judge, comparisons, autocomplete and the engine that
decides between an answer, a did-you-mean and a decline.
"""
