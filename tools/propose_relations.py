"""Print the duty relations the extractor proposes for every bundled article, for review.

    python tools/propose_relations.py > proposals.yaml

The output is overlay-ready YAML (``articles: N: relations:``); what ships is what a reviewer
kept, in data/overlays/.
"""

from __future__ import annotations

from fupin_cli.corpus import load_corpus
from fupin_cli.extract.relations import propose_for_article


def main() -> int:
    corpus = load_corpus()
    for doc in corpus.documents:
        print(f"# {doc.id}")
        for art in doc.articles:
            props = propose_for_article(art, corpus.registry)
            if not props:
                continue
            print(f"  {art.no}:  # {art.label}")
            for r in props:
                fields = [f"from: {r.from_}", f"relation: {r.relation}"]
                fields += [f"to: {r.to}"] if r.to else []
                fields += [f"degree: {r.degree}"] if r.degree else []
                fields.append(f"phrase: {r.phrase}")
                print("      - {" + ", ".join(fields) + "}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
