"""Language models: the OpenAI clients and the offline coach, behind one small protocol."""
