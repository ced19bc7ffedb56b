"""The product team's review console: filters, transcripts, exports, dashboard, knowledge use."""
