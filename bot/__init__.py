"""Everything Telegram: the application, its handlers and jobs, and the offline console."""
