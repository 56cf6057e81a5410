"""CoT against traditional Q&A: asked straight, the LLM answers wrong (29);
shown a worked example first, it reasons step by step and answers right (9).
The white callout spells the chain of thought out of the right answer."""
from llmviz_dsl import Column, Diagram, Edge, Node, Panel, Row, Wedge, same, sized

GAP = 138                                        # box to box along a flow


def prompt(id, label, width, height):
    return Node(id, label, fill="data", size=24, align="left", width=width, height=height, fit=True)


def llm(id):
    return Node(id, same("LLM"), fill="secondary", stroke="black", size=32, bold=True, icon="nn", icon_size=90,
                width=284, height=157)


def answer(id, label, badge, badge_color, width, align="center"):
    return Node(id, label, fill="model", size=24, align=align, width=width, height=134, fit=True,
                badge=badge, badge_color=badge_color, badge_size=46)


def step(id, label):
    return Node(id, label, fill="model", size=24, width=219, height=107, fit=True)


def panel(title, size, child, **kw):
    return Panel(None, child, title=title, title_at="top", title_bold=True, title_size=size, fill="panel",
                 radius=14, padding=24, **kw)


standard = panel(("传统问答", "Traditional Q&A"), 28, Column(
    prompt("q", ("请问：食堂有23个苹果，用\n20个做沙拉，又买了6个，\n现在有多少个苹果？",
                 "Question: The cafeteria\nhas 23 apples, uses 20\nfor salad, and then buys\n"
                 "6 more. How many\napples are there now?"), 350, 95),
    llm("llm_q"),
    answer("a_q", ("29个", "29."), "cross", "gold", 352),
    gap=GAP), content_at="end")

chain = Panel("chain", Column(
    step("s1", ("食堂有23个\n苹果", "The cafeteria\nhas 23 apples")),
    step("s2", sized(("用20个做沙拉，\n所以还剩下\n23-20=3个", "Uses 20 for salad,\nso there are\n23-20=3"), en=19)),
    step("s3", sized(("他们又买了6个\n苹果，所以现\n在有3+6=9个", "They then buy 6\nmore apples, so\nnow there are\n3+6=9"),
                     en=21)),
    step("s4", ("答案是：9个", "The answer is:\n9")),
    gap=65), title=sized(("“思维链”示意", "\"Chain of Thought\""), en=21), title_at="top", title_color="blue", title_bold=True,
    fill="white", stroke="frame", stroke_width=1, radius=50, padding=24)

cot = panel(("CoT（思维链）", "CoT (Chain of Thought)"), 32, Row(
    Column(
        prompt("shots", sized(("示例问题：小明有5个网球。他又买了2罐，\n每罐有3个网球，现在一共有多少个网球？\n\n"
                         "示例回答：小明一开始有5个网球。2罐网\n球，每罐有3个，总共是6个网球。5+6=11。\n答案是 11。\n\n"
                         "请问：食堂有23个苹果，用20个做沙拉，\n又买了6个，现在有多少个苹果？",
                         "Example question: Ming has 5 tennis balls. He then\n"
                         "bought 2 cans, each containing 3 tennis balls. How\n"
                         "many tennis balls are there in total now?\n\n"
                         "Example answer: Ming originally had 5 tennis balls.\n"
                         "With 2 cans, each containing 3 tennis balls (totaling\n"
                         "6), 5+6=11. The answer is 11.\n\n"
                         "Question: The cafeteria has 23 apples, uses 20 for\n"
                         "salad, and then buys 6 more. How many apples are\nthere now?"), en=21), 528, 312),
        llm("llm_c"),
        answer("a_c", ("食堂有23个苹果，用20个做沙拉，所以还剩\n下23-20=3个。他们又买了6个苹果，所以\n"
                       "现在有3+6=9个。答案是：9个。",
                       "The cafeteria has 23 apples, uses 20 for\nsalad (leaving 23-20=3), then buys 6\n"
                       "more, so 3+6=9. The answer is: 9."), "check", "leaf", 528, align="left"),
        gap=GAP),
    chain, gap=108, align="end"))


def flow(a, b, label):
    return Edge(a, b, route="straight", label=label, label_side="left", label_color="dark-grey")


diagram = Diagram(
    id="cot-vs-standard-qa",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("CoT与传统问答的对比", "Comparison of CoT and traditional Q&A"),
    body=Row(standard, cot, gap=34, align="stretch"),
    edges=[
        flow("q", "llm_q", ("输入", "Input")), flow("llm_q", "a_q", ("输出", "Output")),
        flow("shots", "llm_c", ("输入", "Input")), flow("llm_c", "a_c", ("输出", "Output")),
        *[Edge(a, b, route="straight", style="dashed") for a, b in [("s1", "s2"), ("s2", "s3"), ("s3", "s4")]],
    ],
    overlays=[Wedge("chain", "a_c", base=150, base_at=0.74)],
)
