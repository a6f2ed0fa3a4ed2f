<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatWorkspace</name>
    <message>
        <source>Search all chats</source>
        <translation>搜索所有聊天</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新建聊天</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Chat deleted.</source>
        <translation>聊天已删除。</translation>
    </message>
    <message>
        <source>Message the model (Ctrl+Enter to send)</source>
        <translation>给模型发消息（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Editing an earlier message: sending replaces it and every reply after it.</source>
        <translation>正在编辑较早的消息：发送后将替换它及其后的所有回复。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>导出聊天</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The reply reached the maximum length set in Settings.</source>
        <translation>回复已达到设置中的最大长度。</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside BayLing Desktop. Your work is saved; you can keep going or restart the app.

The details were written to {0}.</source>
        <translation>百聆桌面版内部出现错误。你的工作已保存；可以继续使用或重新启动应用。

详细信息已写入 {0}。</translation>
    </message>
    <message>
        <source>Open log file</source>
        <translation>打开日志文件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>翻译(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reload model</source>
        <translation>重新加载模型(&amp;R)</translation>
    </message>
    <message>
        <source>Model &amp;manager…</source>
        <translation>模型管理器(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About BayLing Desktop</source>
        <translation>关于百聆桌面版(&amp;A)</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Format: {0}</source>
        <translation>格式：{0}</translation>
    </message>
    <message>
        <source>No model: {0}</source>
        <translation>没有模型：{0}</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Context: {0} / {1}</source>
        <translation>上下文：{0} / {1}</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s</source>
        <translation>{0:.1f} 词元/秒</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>About BayLing Desktop</source>
        <translation>关于百聆桌面版</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} {1}

An offline translation assistant running BayLing and other GGUF models on this computer.

Model: {2}
llama-cpp-python {3} (llama.cpp)
Qt {4}, PySide6 {5}

Licences: BayLing Desktop GPL-3.0-or-later; BayLing weights GPL-3.0; the built-in Qwen2.5-Coder-0.5B-Instruct model Apache-2.0; llama.cpp MIT; Qt for Python LGPL-3.0.</source>
        <translation>{0} {1}

在这台电脑上运行百聆及其他 GGUF 模型的离线翻译助手。

模型：{2}
llama-cpp-python {3}（llama.cpp）
Qt {4}，PySide6 {5}

许可证：BayLing Desktop 为 GPL-3.0-or-later；百聆模型权重为 GPL-3.0；内置的 Qwen2.5-Coder-0.5B-Instruct 模型为 Apache-2.0；llama.cpp 为 MIT；Qt for Python 为 LGPL-3.0。</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
</context>
<context>
    <name>ModelListDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Downloading and importing models comes with the model manager; for now choose a file in Settings.</source>
        <translation>下载和导入模型将由模型管理器提供；目前请在设置中选择模型文件。</translation>
    </message>
    <message>
        <source>The model list is unavailable: {0}</source>
        <translation>无法获取模型列表：{0}</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>not assembled yet</source>
        <translation>尚未组装</translation>
    </message>
</context>
<context>
    <name>RevisionPanel</name>
    <message>
        <source>Source</source>
        <extracomment>the instruction should be applied to every translated segment of the document</extracomment>
        <translation>原文</translation>
    </message>
    <message>
        <source>Revision conversation</source>
        <translation>修改对话</translation>
    </message>
    <message>
        <source>Proposed translation</source>
        <translation>建议的译文</translation>
    </message>
    <message>
        <source>Ask for a change, e.g. “more formal” or “render 云计算 as cloud computing”</source>
        <translation>提出修改要求，例如“更正式一些”或“把 cloud computing 译为云计算”</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the instruction (Enter)</source>
        <translation>发送指令（Enter）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Write the proposal into the document</source>
        <translation>把建议写入文档</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Apply the instruction to every translated segment</source>
        <translation>把指令应用到所有已翻译的片段</translation>
    </message>
    <message>
        <source>Accept all proposals</source>
        <translation>全部采纳</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>作为参考</translation>
    </message>
    <message>
        <source>Ask the model to revise the translation using this earlier translation</source>
        <translation>让模型参考这条以往译文修改当前译文</translation>
    </message>
    <message>
        <source>More formal</source>
        <translation>更正式</translation>
    </message>
    <message>
        <source>More concise</source>
        <translation>更简洁</translation>
    </message>
    <message>
        <source>Explain this choice</source>
        <translation>解释这样翻译的理由</translation>
    </message>
    <message>
        <source>Retranslate with the glossary</source>
        <translation>按术语表重新翻译</translation>
    </message>
    <message>
        <source>Segment {0}</source>
        <translation>第 {0} 段</translation>
    </message>
    <message>
        <source>Select a segment to revise it</source>
        <translation>选择一个片段进行修改</translation>
    </message>
    <message>
        <source>Translation memory ({0:.0f}%): {1}</source>
        <translation>翻译记忆（{0:.0f}%）：{1}</translation>
    </message>
    <message>
        <source>Accept all proposals ({0})</source>
        <translation>全部采纳（{0}）</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>translating…</source>
        <translation>翻译中…</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审定</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>模型文件：</translation>
    </message>
    <message>
        <source>Prompt format:</source>
        <translation>提示格式：</translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation>上下文长度：</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>线程数：</translation>
    </message>
    <message>
        <source>GPU layers:</source>
        <translation>GPU 层数：</translation>
    </message>
    <message>
        <source>Chat temperature:</source>
        <translation>聊天温度：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>最大词元数：</translation>
    </message>
    <message>
        <source>Translation temperature:</source>
        <translation>翻译温度：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TranslateWorkspace</name>
    <message>
        <source>Translations will not be saved: {0}</source>
        <translation>译文将无法保存：{0}</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Detect language</source>
        <translation>自动检测语言</translation>
    </message>
    <message>
        <source>Swap languages</source>
        <translation>交换语言</translation>
    </message>
    <message>
        <source>Translate all</source>
        <translation>全部翻译</translation>
    </message>
    <message>
        <source>Translate selected</source>
        <translation>翻译所选</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop translating (Esc)</source>
        <translation>停止翻译（Esc）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Glossary ({0})…</source>
        <translation>术语表（{0}）…</translation>
    </message>
    <message>
        <source>Load required term translations from a .csv, .tsv or .tbx file</source>
        <translation>从 .csv、.tsv 或 .tbx 文件载入必须使用的术语译法</translation>
    </message>
    <message>
        <source>Save the translated document (Ctrl+S)</source>
        <translation>保存译文文档（Ctrl+S）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部片段</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Find in segments (Ctrl+F)</source>
        <translation>在片段中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open or drop a document (txt, md, docx, srt, po, xliff…)</source>
        <translation>打开或拖入文档（txt、md、docx、srt、po、xliff…）</translation>
    </message>
    <message>
        <source>No document this app can translate was found there.</source>
        <translation>那里没有可翻译的文档。</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} holds no text to translate.</source>
        <translation>{0} 中没有需要翻译的文字。</translation>
    </message>
    <message>
        <source>{0}: {1} segments.</source>
        <translation>{0}：{1} 个片段。</translation>
    </message>
    <message>
        <source>Could not open document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <source>Choose the source language first to swap.</source>
        <translation>请先选择源语言再交换。</translation>
    </message>
    <message>
        <source>The model is not loaded yet.</source>
        <translation>模型尚未加载。</translation>
    </message>
    <message>
        <source>Every segment came from the translation memory.</source>
        <translation>所有片段都来自翻译记忆。</translation>
    </message>
    <message>
        <source>Translating {0} segments…</source>
        <translation>正在翻译 {0} 个片段…</translation>
    </message>
    <message>
        <source>Pausing after the current segment…</source>
        <translation>当前片段完成后暂停…</translation>
    </message>
    <message>
        <source>{0} proposals to review: select a flagged segment, or accept them all.</source>
        <translation>有 {0} 条建议待审阅：选择带标记的片段，或全部采纳。</translation>
    </message>
    <message>
        <source>Paused. Press Resume to continue.</source>
        <translation>已暂停。按“继续”接着翻译。</translation>
    </message>
    <message>
        <source>Translation finished.</source>
        <translation>翻译完成。</translation>
    </message>
    <message>
        <source>Stopped; the proposals made so far can be reviewed.</source>
        <translation>已停止；已生成的建议仍可审阅。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Load glossary</source>
        <translation>载入术语表</translation>
    </message>
    <message>
        <source>Glossaries (*.csv *.tsv *.tbx);;All files (*)</source>
        <translation>术语表 (*.csv *.tsv *.tbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not load the glossary</source>
        <translation>无法载入术语表</translation>
    </message>
    <message>
        <source>Glossary loaded: {0} terms.</source>
        <translation>术语表已载入：{0} 个术语。</translation>
    </message>
    <message>
        <source>Edit segment {0}</source>
        <translation>编辑第 {0} 段</translation>
    </message>
    <message>
        <source>Translate this segment first, then revise it.</source>
        <translation>请先翻译此片段，再进行修改。</translation>
    </message>
    <message>
        <source>Accept revision of segment {0}</source>
        <translation>采纳第 {0} 段的修改</translation>
    </message>
    <message>
        <source>Translate the document first, then revise it.</source>
        <translation>请先翻译文档，再进行修改。</translation>
    </message>
    <message>
        <source>Revising {0} segments: “{1}”…</source>
        <translation>正在修改 {0} 个片段：“{1}”…</translation>
    </message>
    <message>
        <source>A revision is proposed: select the segment to review it.</source>
        <translation>有修改建议：选择该片段进行审阅。</translation>
    </message>
    <message>
        <source>Revising: {0} / {1}</source>
        <translation>修改中：{0} / {1}</translation>
    </message>
    <message>
        <source>Accept {0} proposals</source>
        <translation>采纳 {0} 条建议</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation>仍要导出吗？</translation>
    </message>
    <message>
        <source>{0} segments are untranslated or flagged; they keep their source text. Export anyway?</source>
        <translation>有 {0} 个片段未翻译或有问题，它们将保留原文。仍要导出吗？</translation>
    </message>
    <message>
        <source>Same format (*{0})</source>
        <translation>相同格式 (*{0})</translation>
    </message>
    <message>
        <source>Bilingual table (*.docx)</source>
        <translation>双语表格 (*.docx)</translation>
    </message>
    <message>
        <source>Bilingual side by side (*.html)</source>
        <translation>双语对照 (*.html)</translation>
    </message>
    <message>
        <source>Export translation</source>
        <translation>导出译文</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>{0} / {1} segments</source>
        <translation>{0} / {1} 个片段</translation>
    </message>
    <message>
        <source>ETA {0}</source>
        <translation>预计剩余 {0}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to BayLing Desktop</source>
        <translation>欢迎使用百聆桌面版</translation>
    </message>
    <message>
        <source>Choose a model to start. Everything runs on this computer; nothing is sent anywhere.</source>
        <translation>请选择一个模型开始使用。一切都在本机运行，不会发送任何数据。</translation>
    </message>
    <message>
        <source>Use the built-in model</source>
        <translation>使用内置模型</translation>
    </message>
    <message>
        <source>Import a .gguf…</source>
        <translation>导入 .gguf 文件…</translation>
    </message>
    <message>
        <source>Model manager…</source>
        <translation>模型管理器…</translation>
    </message>
    <message>
        <source>Preparing the built-in model…</source>
        <translation>正在准备内置模型…</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>_Loader</name>
    <message>
        <source>{0} could not be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
</context>
</TS>
