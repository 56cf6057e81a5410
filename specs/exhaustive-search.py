"""Exhaustive search: every sequence is expanded — the first token fans out
to the whole vocabulary (10^5 candidates), each of those again, so the tree
holds 10^(5N) sequences at the N-th position; a gradient arrow on the right
counts the levels."""
from llmviz_dsl import Brace, Column, Diagram, Dots, Edge, Flow, Node, Row, Text, same

LEVEL1 = [("好", "are"), same("有"), same("在"), "..."]
FIRST = [("吗", ","), ("棒", "you"), "...", same("[EOS]")]     # the first group's leaves; the others are "..."


def token(id, label, fill="model"):
    size = 19 if label == same("[EOS]") else None
    return Node(id, label, fill=fill, width=50, height=52, pad=2, size=size)


nodes = [token("root", ("你", "How"), fill="data")]
edges, chains = [], []
for i, label in enumerate(LEVEL1):
    nodes.append(token(f"n{i}", label))
    edges.append(Edge("root", f"n{i}", route="straight"))
for i in range(len(LEVEL1)):
    for j in range(4):
        nodes.append(token(f"n{i}_{j}", FIRST[j] if i == 0 else "..."))
        edges.append(Edge(f"n{i}", f"n{i}_{j}", route="straight"))
for i in range(len(LEVEL1)):
    nodes.append(Dots(id=f"d{i}", color="cobalt"))
    chains.append([f"n{i}", f"n{i}_2", f"d{i}"])        # the dots a rank below, under their group


def level(n, count, label, at):
    return (Text(f"count{n}", count, level_with=at),
            Text(f"level{n}", label, level_with=at, size=24))


levels = [level(1, ("$10^{5}$个", "$10^{5}$"), ("第1层\n(第1个序列位置)", "First sequence\nposition"), "n0"),
          level(2, ("$10^{10}$个", "$10^{10}$"), ("第2层\n(第2个序列位置)", "Second sequence\nposition"),
                "n0_0"),
          level(3, ("$10^{5N}$个", "$10^{5N}$"), ("第$N$层\n(第$N$个序列位置)", "Nth sequence\nposition"),
                "d0")]

diagram = Diagram(
    id="exhaustive-search",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("穷举搜索（Exhaustive Search）", "Exhaustive Search"),
    body=Row(Flow(*nodes, direction="TB", tree=True, rank_gap=150, node_gap=10, cousin_gap=55,
                  parent_gap=98, straight=chains),
             Column(*[c for c, _ in levels], gap=150, align="end"),
             Node("depth", None, shape="arrow", direction="down", fill="white", fill_to="model", stroke="black",
                  stroke_width=0.67, width=26, height=640),
             Column(*[lab for _, lab in levels], gap=150), gap=24),
    edges=edges,
    overlays=[Brace(["n0_0", "n0_3"], side="bottom", label=("词表大小=$10^{5}$", "Vocabulary size\n=$10^{5}$"),
                    color="silver", label_color="warm-grey")],
)
