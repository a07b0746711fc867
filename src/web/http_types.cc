// Placeholder translation unit so the web layer links before the server lands.
