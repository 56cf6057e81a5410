"""Where the prompts of preference data come from: a one-sided mind map of
open-source datasets, user interaction, web collection, data synthesis and
manual writing, each with its concrete sources."""
from llmviz_dsl import Branch, Diagram, MindMap, Node, Text, same


def topic(label, *kids):
    """A branch of the first level: a blue box."""
    return Branch(Node(None, label, fill="azure", color="white", size=32, height=72), *kids)


def leaf(label):
    return Text(label=label, size=32)


diagram = Diagram(
    id="prompt-collection",
    chapter=same("DPO"),
    title=("Prompt的收集", "Prompt collection"),
    body=MindMap(
        Node(None, ("**Prompt**\n**收集**", "**Prompt**\n**collection**"), fill="data", size=32,
             width=177, height=115),
        right=[
            topic(("开源数据集", "Open-source datasets"),
                  leaf(("来自知乎、Reddit、Quora等平台的提问，搜索引擎中的高频搜索问题",
                        "Questions on platforms such as Zhihu, Reddit and Quora; frequent search-engine queries")),
                  leaf(("NLP任务数据集（如GLUE、MMLU）中的提问；各种试卷、考题题目",
                        "Questions in NLP task datasets (e.g. GLUE, MMLU); exam papers and test questions")),
                  leaf(("特定领域（如医疗、金融）中的客服咨询记录、患者问诊对话",
                        "Customer-service records and patient consultations in specific domains"
                        " (e.g. medicine, finance)"))),
            topic(("用户交互", "User interaction"),
                  leaf(("基于现有系统积累的用户提问，例如GPT曾收集用户提问用于训练",
                        "User questions accumulated by existing systems, e.g. GPT collected user prompts"
                        " for training")),
                  leaf(("日志数据：从搜索引擎日志或用户反馈中提取问题",
                        "Log data: questions extracted from search-engine logs or user feedback"))),
            topic(("网络收集", "Web collection"),
                  leaf(("合法地从问答社区、网站FAQ页面、GitHub Issues、Stack Overflow等\n平台爬取提问",
                        "Questions legally crawled from Q&A communities, website FAQ pages,\n"
                        "GitHub Issues, Stack Overflow and other platforms"))),
            topic(("数据合成", "Data synthesis"),
                  leaf(("以答案或文档内容为输入，用ChatGPT等强大的模型自动生成相关提问",
                        "Related questions generated automatically by strong models such as ChatGPT,"
                        " from answers or documents")),
                  leaf(("借助更强的模型，对已有提问进行翻译、改写、扩展，生成多样化的prompt",
                        "Existing questions translated, rewritten and expanded by stronger models"
                        " into diverse prompts"))),
            topic(("人工撰写", "Manual writing"),
                  leaf(("雇佣人工手动撰写符合任务需求的高质量问题",
                        "Annotators hired to write high-quality questions that fit the task"))),
        ],
        gap=48, stem=24, reach=42, text_gap=18,
    ),
    text_scale={"en": 0.85},
)
