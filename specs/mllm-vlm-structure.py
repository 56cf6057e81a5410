"""A multimodal LLM (MLLM/VLM): text goes in as tokens, images, audio and
video through their own encoders; each modality becomes a strip of vectors,
the strips are joined into one sequence under the LLM, which writes text."""
from llmviz_dsl import Cells, Column, Diagram, Edge, Gap, Grid, Icon, Node, Text, same, sized

CELL = dict(cell_width=53, cell_height=52, fill="model")


def strip(id, n):
    return Cells(id=id, rows=[[""] * n], **CELL)


def encoder(id, label, fill):
    return Node(id, label, shape="trapezoid", fill=fill, stroke="black", stroke_width=1, size=24, width=252,
                height=105, same_size="encoder", pad=6)


# One column per modality: its vector strip, its encoder, its icon.
modalities = Grid(col_gap=20, row_gap=25, rows=[
    [strip("t_vec", 4), strip("i_vec", 4), strip("a_vec", 4), strip("v_vec", 4)],
    [Gap(height=61)],
    [Text("prompt", sized(("请描述这些内容：", "Describe these contents:"), en=28), color="muted", size=27, pad=0),
     encoder("i_enc", ("图片编码器\n（Image Encoder）", "Image Encoder\n（ViT）"), "loss"),
     encoder("a_enc", sized(("音频编码器\n（Audio Encoder）", "Audio Encoder"), en=27), "data"),
     encoder("v_enc", sized(("视频编码器\n（Video Encoder）", "Video Encoder"), en=27), "model")],
    [Icon("text", size=92), Icon("image", size=105), Icon("waveform", size=105), Icon("film-reel", size=105)],
])

diagram = Diagram(
    id="mllm-vlm-structure",
    chapter=("LLM基础", "LLM basics"),
    title=("多模态模型结构", "MLLM/VLM"),
    body=Column(
        Column(Cells(id="out", words=("这 些 内 容 包 含 ...", "There are some ..."), text_size=29, color="text",
                     **CELL),
               Gap(height=111),
               Node("llm", same("LLM"), fill="secondary", stroke="black", size=37, bold=True, width=1060,
                    height=151),
               strip("tokens", 20), gap=0),
        Gap(height=116),
        modalities,
        gap=0),
    edges=[Edge(a, b, route="straight", color="grey", plumb=True) for a, b in [
        ("llm", "out"), ("t_vec", "tokens"), ("i_vec", "tokens"), ("a_vec", "tokens"), ("v_vec", "tokens"),
        ("prompt", "t_vec"), ("i_enc", "i_vec"), ("a_enc", "a_vec"), ("v_enc", "v_vec")]],
)
