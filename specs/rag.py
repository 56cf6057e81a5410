"""RAG: offline, documents are parsed, split into slices, embedded and
indexed; online, the agent turns the query into a vector, recalls the most
similar slices and prompts the LLM with query + documents."""
from llmviz_dsl import Column, Diagram, Edge, Gap, Grid, Icon, Node, Panel, Row, Span, same

STEP = dict(label_color="muted", label_size=24)              # the numbered steps
ROUTE = dict(color="cobalt", **STEP)                         # the retrieval path, in blue


def stage(id, title, content):
    """A step of the offline build: an outlined box, its name on top."""
    return Panel(id, content, title=title, title_at="top", title_bold=True, title_size=29,
                 fill=None, stroke="black", stroke_width=1, radius=10, padding=10, same_size="stage")


def icons(*rows, size, gap=10):
    return Grid(rows=[[Icon(name, size=size) for name in row] for row in rows], col_gap=gap, row_gap=gap * 1.6)


def vector(text):
    return Node(label=text, shape="box", fill="panel-blue", stroke="blue", size=21, pad=4, height=30)


def bubble(id, text, fill, tail, **kw):
    return Node(id, text, shape="bubble", fill=fill, tail=tail, size=24, width=264, **kw)


answer = bubble("answer", ("10篇多模态论文如下：\n1、《多模态......",
                           "The 10 multimodal papers\nare as follows:\n1. \"Multimodal..."), "model", "bottom-right")
# Outside the agent panel, level with the search engine inside it.
question = bubble("question", ("请介绍10篇比较热门\n的多模态论文",
                               "Please introduce 10\npopular multimodal\npapers."), "data", "bottom-left",
                  level_with="search")

search = Node("search", ("搜索引擎", "Search engine"), stroke="grey", bold=True, width=184, height=71)
llm = Node("llm", same("LLM"), fill="secondary", stroke="black", stroke_width=1, bold=True, size=29, icon="nn",
           width=158, height=109)
recall = Node("recall", ("召回\n排序", "Retrieval\nSorting"), stroke="grey", bold=True, width=104, height=71)

agent = Panel(
    "agent",
    # Room above the LLM for the answer going back (left of the title), on
    # the left for the query's label.
    Column(Gap(height=80),
           Grid(rows=[[Gap(width=100), search, llm, Gap(width=120)],
                      [None, Span(recall, align="end")]], col_gaps=[0, 294, 0], row_gap=181),
           gap=0),
    title=("Agent\n（在线服务）", "Agent\n（Online service）"), title_at="top-right", title_color="red",
    title_bold=True, title_size=32, fill="loss", opacity=0.29, radius=32, padding=24)

offline = Panel(
    "offline",
    Row(stage("vindex", ("向量索引", "Embedding\nIndex"),
              Row(Column(Icon("graph", size=60), Icon("graph", size=60), gap=34), Icon("graph", size=60), gap=6)),
        stage("vectors", ("向量表示", "Embedding"),
              Column(vector("[0.2, 0.5, ... , 0.3]"), vector("[0.7, 0.1, ... , 0.9]"),
                     Node(label="... ...", shape="plain", fill=None, color="blue", bold=True, size=28),
                     vector("[0.3, 0.7, ... , 0.7]"), gap=14)),
        stage("slices", ("切片", "Slices"), icons(*[["chunks"] * 3] * 3, size=38, gap=12)),
        stage("texts", ("纯文字文档", "Text-only\ndocuments"), icons(*[["txt"] * 3] * 3, size=42)),
        stage("media", ("多媒体文档", "Multimedia\ndocuments"),
              icons(["word", "csv", "pdf"], ["py", "html", "doc"], ["book", "video", "jpg"], size=46, gap=6)),
        gap=100),
    title=("离线构建", "Offline build"), title_at="top-right", title_color="blue-dark", title_bold=True,
    title_size=32, fill="model", opacity=0.21, radius=32, padding=24)

diagram = Diagram(
    id="rag",
    chapter=("免训练的优化技术", "Optimization without training"),
    title=("RAG（检索增强生成）", "RAG(Retrieval-Augmented Generation)"),
    body=Column(Row(Column(Gap(height=30), answer, question, gap=0, align="start"), agent,
                    gap=72, align="start", spread=True),
                offline, gap=98, align="stretch"),
    edges=[
        Edge("question", "search", label=same("(1)\nQuery"), **STEP),
        Edge("search", "llm", label=same("(5)\nPrompt = Query+Doc"), **{**STEP, "label_size": 21}),
        Edge("llm.top", "answer.right", label=("(6)回答", "(6) Answer"), **STEP),
        Edge("recall.top", "search.bottom",
             label=("(4)\n相关的文档切片\n（Doc）", "(4)\nRelevant document\nslices（Doc）"), **ROUTE),
        Edge("slices.top", "recall.bottom", **ROUTE),
        # Top-K comes up beside the slices, not merged into them.
        Edge("vindex.top", "recall.bottom", label=("(3)最相似的Top-K个向量", "(3) Top-K most similar Embedding"),
             merge=False, **ROUTE),
        Edge("search.bottom", "vindex.top", label=("(2)\nQuery转为向量", "(2) Query to Embedding"), label_at=0.28,
             label_icon="nn", **ROUTE),
        # The offline build runs right to left.
        Edge("media", "texts", label=("解析", "Parsing"), note=same("OCR/ASR"), note_size=19, **STEP),
        Edge("texts", "slices", label=("文本\n切片", "Split"), **STEP),
        Edge("slices", "vectors", label=("生成\n向量", "Convert"), label_icon="nn", **STEP),
        Edge("vectors", "vindex", label=("索引\n构建", "Build\nindex"), **STEP),
    ],
)
