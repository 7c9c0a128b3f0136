"""Settings: `base` holds everything shared, one small module per ENVIRONMENT on top."""
