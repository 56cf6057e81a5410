"""Where instruction data comes from: a mind map with web crawling, private
data and manual annotation on the left, open-source dataset search and data
synthesis on the right."""
from llmviz_dsl import Branch, Diagram, MindMap, Node, Text, same


def topic(label, *kids):
    """A branch of the first level: a blue box."""
    return Branch(Node(None, label, fill="azure", color="white", size=31, width=190, height=76, same_size="topic"),
                  *kids)


def leaf(label):
    return Text(label=label, size=31)


diagram = Diagram(
    id="instruction-data-sources",
    chapter=same("SFT"),
    title=("指令数据的来源", "Sources of instruction data"),
    body=MindMap(
        Node(None, ("指令数据\n来源", "Instruction\ndata sources"), fill="data", bold=True, size=31,
             width=200, height=120),
        right=[
            topic(("开源数据\n检索", "Open-source\ndata search"),
                  leaf(("Huggingface网站的Datasets", "Datasets on Hugging Face")),
                  leaf(same("Google Dataset Search")),
                  leaf(("Papers with Code网站", "Papers with Code")),
                  leaf(("Github检索", "GitHub search")),
                  leaf(("Kaggle Datasets检索", "Kaggle Datasets search"))),
            topic(("数据合成", "Data synthesis"),
                  leaf(("基于ChatGPT等更强的模型\n生成指令和回答",
                        "Generate instructions and answers\nwith stronger models such as ChatGPT")),
                  leaf(("基于论文及其摘要、关键词\n以及书籍等语料生成问答",
                        "Generate Q&A from papers, abstracts,\nkeywords, books and other corpora")),
                  Branch(leaf(("自动衍变", "Automatic\nevolution")),
                         leaf(same("Evol-Instruct")), leaf(same("Self-Instruct"))),
                  leaf(("翻译转换，指令改写", "Translation, instruction rewriting"))),
        ],
        left=[
            topic(("网络爬虫", "Web crawling"),
                  leaf(("合法地从社区论坛爬取\n用户的问答、评论等",
                        "Legally crawl users' Q&A and\ncomments from forums")),
                  leaf(("合法地从百科和知识\n网站进行数据爬取",
                        "Legally crawl data from\nencyclopedias and knowledge sites"))),
            topic(("私有数据", "Private data"),
                  leaf(("基于业务平台积累的用户\n评论、对话、点赞等加工",
                        "Process user comments, dialogues,\nlikes, etc. from business platforms")),
                  leaf(("基于内部的技术文档\n和手册等进行加工",
                        "Process internal technical\ndocuments, manuals, etc."))),
            topic(("人工标注", "Manual annotation"),
                  leaf(("人工撰写问题和回答", "Humans write questions\nand answers"))),
        ],
        gap=66, stem=26, reach=40, text_gap=18,
    ),
    text_scale={"en": 0.85},
)
