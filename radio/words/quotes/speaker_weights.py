"""Weights of the speaker score (``score.FEATURES``, in order), written by ``scripts/fit_speaker_score.py``
(folds 1,2,3, l2 0.1)."""

WEIGHTS: tuple[float, ...] = (
    -1.0778,  # sentences_back,
    0.3002,  # paragraphs_back,
    1.5611,  # same_paragraph,
    -0.1060,  # recency_rank,
    0.2557,  # previous_subject,
    2.0029,  # previous_subject_opens,
    1.3895,  # sentence_subject,
    0.9562,  # sentence_subject_comma,
    0.2224,  # last_speaker,
    0.8960,  # last_speaker_here,
    1.6960,  # last_speaker_near,
    0.0610,  # opening_name,
    0.0806,  # opening_name_alone,
    0.4249,  # quoted_before,
    -0.3490,  # body,
    -0.1221,  # mentions,
    -0.9365,  # name_words,
    0.7680,  # gender_known,
    1.5611,  # named_in_paragraph,
)
