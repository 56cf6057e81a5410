"""CoT, Self-consistency CoT, ToT, GoT: five panels, each a way of thinking
from the input to the output — one step, a chain, parallel chains voted on,
a tree of thoughts, a graph of thoughts (with merges and a self-loop). Each
small box is one thought: grey not evaluated, pink wrong, green right."""
from llmviz_dsl import Column, Diagram, Edge, Flow, Key, Legend, Look, Node, Panel, Row

COLOURS = {"N": "frame", "W": "loss", "R": "green"}   # not evaluated (frame grey), wrong, right
STEP = dict(rank_gap=67, node_gap=33, direction="TB")
edges: list[Edge] = []


def end(id, label, fill):
    return Node(id, label, shape="ellipse", fill=fill, width=119, height=53, size=29, pad=4)


def thought(id, kind):
    return Node(id, None, fill=COLOURS[kind], width=45, height=33)


def method(tag, title, ranks="", links="", loops=(), title_size=29, **flow):
    """One panel: Input, the thoughts rank by rank ("RWR/NN" = rank a holds
    right, wrong, right; rank b ...), Output. `links`: "in>a0 a1; a0>b0 ..."."""
    nodes = [end(f"{tag}in", ("输入", "Input"), "data")]
    for r, rank in zip("abcd", ranks.split("/") if ranks else []):
        nodes += [thought(f"{tag}{r}{i}", kind) for i, kind in enumerate(rank)]
    nodes.append(end(f"{tag}out", ("输出", "Output"), "model"))
    for link in links.split(";"):
        src, _, dsts = link.partition(">")
        edges.extend(Edge(f"{tag}{src.strip()}", f"{tag}{d}", route="straight", width=1) for d in dsts.split())
    edges.extend(Edge(f"{tag}{n}", f"{tag}{n}", loop=side, width=1) for n, side in loops)
    if flow.get("tree"):
        flow["straight"] = [[f"{tag}in", f"{tag}out"]]      # the output right under the input
    body = Flow(*nodes, **STEP, **flow) if ranks else Column(*nodes, spread=True)
    return Panel(None, body, title=title, title_at="top", title_bold=True, title_size=title_size, fill="band",
                 radius=6, padding=24)


basic = method("qa", ("基础问答", "Basic Q&A"), links="in>out")
cot = method("cot", ("CoT\n（思维链）", "CoT"), "N/N/N/N", "in>a0; a0>b0; b0>c0; c0>d0; d0>out")
sc = method("sc", ("Self-consistency\nCoT", "Self-consistency\nCoT"), "NNN/NNN/NNN/WWR",
            "in>a0 a1 a2; a0>b0; a1>b1; a2>b2; b0>c0; b1>c1; b2>c2; c0>d0; c1>d1; c2>d2; d2>out",
            tree=True, title_size=27)
tot = method("tot", ("ToT\n（思维树）", "ToT\n（Tree of Thought）"), "RWR/RRWRR/RWRRW/WWWRW",
             "in>a0 a1 a2; a0>b0 b1; a2>b2 b3 b4; b0>c0; b1>c1; b3>c2 c3; b4>c4;"
             "c0>d0 d1; c2>d2 d3; c3>d4; d3>out",
             tree=True)
got = method("got", ("GoT\n（思维图）", "GoT\n（Graph of Thought）"), "RWR/RRRR/WRRR/R",
             "in>a0 a1 a2; a0>b0 b1 b2; a2>b2 b3; b0>c0 c1; b1>c1 c2; b2>c2 c3; b3>c3;"
             "c1>d0; c2>d0; c3>d0; d0>out", loops=[("a0", "left")])


def key(kind, label):
    return Key(Look(fill=COLOURS[kind]), label, shape="round")


# The keys in a row on a band as wide as the panels above.
legend = Panel(None, Legend(key("N", ("：未评估的思维", "：Unevaluated thought")),
                            key("W", ("：错误的思维", "：Incorrect thought")),
                            key("R", ("：正确的思维", "：Correct thought")),
                            direction="row", fill=None, stroke=None, swatch=33, size=29, label_gap=4, padding=4),
               fill="band", radius=12, padding=18)

diagram = Diagram(
    id="cot-tot-got",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("CoT、Self-consistency CoT、ToT、GoT", "CoT、Self-consistency CoT、ToT、GoT"),
    body=Column(Row(basic, cot, sc, tot, got, gap=12, align="stretch"), legend, gap=18, align="stretch"),
    edges=edges,
)
