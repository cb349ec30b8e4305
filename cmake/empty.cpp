// Placeholder translation unit for a layer whose sources are not written yet.
