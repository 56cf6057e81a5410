"""Function calling: the agent asks whether a question needs a tool; if not,
the LLM answers at once; if so, it turns the question into the parameters of
a tool (here the weather API) and gives the LLM what the tool returns."""
from llmviz_dsl import Column, Diagram, Edge, Gap, Icon, Node, Panel, Row, same, sized

BLUE = dict(color="blue", label_color="blue", label_size=21, label_align="left")


def bubble(id, label, fill, tail, **kw):
    return Node(id, label, shape="bubble", fill=fill, tail=tail, size=24, width=273, height=50, tail_length=30,
                **kw)


def tool(id, title, icon, size=27):
    """A card of the tools panel: its name over its icon."""
    return Panel(id, Icon(icon, size=52, fill="blue"), title=title, title_at="top", title_bold=True,
                 title_size=size, fill="white", stroke="grey", stroke_width=1, radius=6, padding=10,
                 same_size="tool")


answer = bubble("answer", ("多云转晴，20~28℃。", "Cloudy turning to\nclear, 17~23℃."), "model", "bottom-right",
                level_with="lane")
question = bubble("question", sized(("北京明天天气如何？", "What is the weather\nin London tomorrow?"), en=21),
                  "data", "bottom-left", level_with="call")

# A lane under the title for the answer going back, level with its bubble.
agent = Panel("agent", Column(
    Gap(id="lane", height=40),
    Gap(height=90),
    Row(Node("call", sized(("调用\n工具？", "Function\ncalling？"), en=19), shape="diamond", fill="band", stroke="grey",
             stroke_width=1, size=24, width=169, height=112),
        Node("llm", same("LLM"), fill="secondary", stroke="grey", stroke_width=1, size=29, bold=True, icon="nn",
             width=163, height=113),
        gap=356),
    Gap(height=100),
    Node("params", sized(("处理参数", "Processing\nparameters"), en=19), fill="band", stroke="grey", stroke_width=1, size=24,
         width=150, height=63),
    gap=0, align="start"),
    title=same("Agent"), title_at="top", title_color="red", title_bold=True, title_size=28,
    fill="loss", opacity=0.4, radius=40, padding=40)

tools = Panel("tools", Row(
    tool("web", sized(("联网搜索网页", "Online search"), en=24), "web-search"),
    tool("python", sized(("Python执行器", "Python executor"), en=24), "py"),
    tool("calc", sized(("计算器", "Calculator"), en=24), "calculator"),
    tool("weather", sized(("天气查询API", "Weather API"), en=21), "rain"),
    tool("other", sized(("其他自定义功能", "Other\ncustom functions"), en=19), "multitool", size=24),
    gap=58), title=("外部工具/功能", "External tools/functions"), title_at="bottom", title_color="blue-dark",
    title_bold=True, title_size=27, fill="model", opacity=0.49, radius=20, padding=18)

diagram = Diagram(
    id="function-calling",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("功能调用（Function Calling）", "Function Calling"),
    body=Column(Row(Column(answer, question, gap=110, align="start"), agent, gap=180, align="start"),
                tools, gap=100, align="stretch"),
    edges=[
        Edge("question", "call", label=("", "Query"), label_color="muted", label_size=24),
        Edge("call", "llm", label=("否", "N"), label_at=0.05, label_size=21),
        Edge("call.bottom", "params.top", label=("是", "Y"), label_side="right", color="blue", label_size=21),
        Edge("params.right", "weather.left", label=("地点：北京\n时间：明天", "Location: London\nTime: Tomorrow"),
             label_at=0.3, **BLUE),
        Edge("weather.right", "llm.left", label=("类型：多云转晴\n温度：20，28", "Type: Cloudy to clear\nTemp：17，23"),
             label_at=0.6, merge=False, **BLUE),
        Edge("llm.top", "answer.right", label=("", "Answer"), label_color="muted", label_size=24),
    ],
)
