"""Whether the best snippet really explains a question: salience, coverage, tolerance."""
