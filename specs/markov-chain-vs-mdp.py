"""Markov chain vs Markov decision process: two weather states (sunny s1,
rainy s2). In the chain each arc is a transition probability; in the MDP each
action (a1 red, a2 blue) has its own arcs, labelled with the transition
probability and the reward. Above: the Markov property and the MDP's
transition function."""
from llmviz_dsl import Brace, Column, Diagram, Edge, Flow, Node, Panel, Row, Text

ACTION = {1: "red", 2: "blue"}
ARC = {1: 0.22, 2: 0.4}             # a2's arcs and loops go round a1's
LOOP = {1: None, 2: 200}


def state(id, k):
    name = {1: ("晴天", "Sunny"), 2: ("下雨", "Rainy")}[k]
    return Node(id, (f"{name[0]}\n$(s_{k})$", f"{name[1]}\n$(s_{k})$"), shape="ellipse", fill="data",
                width=101, height=95, size=24, math_size=27)


def chain(src, dst, **kw):
    """A transition of the chain, labelled P(s'|s)."""
    label = f"$P(s_{dst[-1]}|s_{src[-1]})$"
    return Edge(src, dst, label=label, label_size=20, width=2, **kw)


def action(src, dst, a, **kw):
    """A transition under action a, labelled P(s'|s,a) over R(s'|s,a)."""
    args = rf"s_{dst[-1]}|s_{src[-1]}{{,}}a_{a}"       # {,}: no space after the comma
    where = dict(loop=kw.pop("loop"), loop_size=LOOP[a]) if "loop" in kw else dict(route="arc", bend=ARC[a])
    return Edge(src, dst, label=f"$P({args})$\n$R({args})$", label_size=20, color=ACTION[a],
                label_color=ACTION[a], width=2, **where, **kw)


def panel(flow, title):
    return Panel(None, flow, title=title, title_at="bottom", title_size=24, fill="panel", opacity=0.63,
                 radius=14, padding=30)


# The Markov property in two parts: the brace marks the states it ignores.
markov_property = Row(
    Text(None, r"$P(S_{t+1}=s_{t+1}| S_t=s_t) = P(S_{t+1}=s_{t+1}| S_t=s_t,$", math_size=25),
    Text("earlier", r"$S_{t-1}=s_{t-1},\ldots,S_0=s_0)$", math_size=25), gap=4)
dynamics = Text(None, r"$P(s',r| s,a)=\Pr\{S_{t+1}=s',R_{t+1}=r| S_t=s,A_t=a\}$", math_size=25)

diagram = Diagram(
    id="markov-chain-vs-mdp",
    chapter=("强化学习基础", "RL basics"),
    title=("马尔可夫链vs马尔可夫决策过程", "Markov Chain vs MDP"),
    body=Column(
        Row(markov_property, dynamics, spread=True),
        Row(panel(Flow(state("c1", 1), state("c2", 2), rank_gap=215),
                  ("马尔可夫链（Markov Chain）", "Markov Chain")),
            panel(Flow(state("m1", 1), state("m2", 2), rank_gap=239),
                  ("马尔可夫决策过程（MDP）", "Markov Decision Process (MDP)")),
            gap=13, align="stretch"),
        gap=70, align="stretch"),
    overlays=[Brace(["earlier"], side="bottom", label=("与更早的这些状态无关", "Independent of those earlier states"),
                    color="blue", label_color="blue", label_size=16, gap=4, depth=10)],
    edges=[
        chain("c1", "c2", route="arc"), chain("c2", "c1", route="arc"),
        chain("c1", "c1", loop="left", label_at=0.8), chain("c2", "c2", loop="right", label_at=0.8),
        *[action(s, d, a) for a in (1, 2) for s, d in (("m1", "m2"), ("m2", "m1"))],
        action("m1", "m1", 1, loop="left"), action("m2", "m2", 1, loop="right"),
        action("m1", "m1", 2, loop="left", label_at=0.8), action("m2", "m2", 2, loop="right", label_at=0.8),
    ],
)
