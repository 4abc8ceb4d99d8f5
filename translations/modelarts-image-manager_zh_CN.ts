<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <location filename="../app/Translations.cpp" line="+17"/>
        <source>ModelArts Image Manager</source>
        <translation>ModelArts 镜像管理器</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="+96"/>
        <source>Try --help for the options.</source>
        <translation>使用 --help 查看可用选项。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>ModelArts Image Manager is already running: its window was brought to the front.
</source>
        <translation>ModelArts 镜像管理器已在运行：已将其窗口置于最前。
</translation>
    </message>
</context>
<context>
    <name>mim::AboutDialog</name>
    <message>
        <location filename="../views/main/AboutDialog.cpp" line="+19"/>
        <source>About ModelArts Image Manager</source>
        <translation>关于 ModelArts 镜像管理器</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;h3&gt;ModelArts Image Manager %1&lt;/h3&gt;&lt;p&gt;Lists, inspects and cleans up the container images of Huawei Cloud ModelArts.&lt;/p&gt;&lt;p&gt;Every deletion is recorded in a journal; credentials stay in the system keychain.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ModelArts 镜像管理器 %1&lt;/h3&gt;&lt;p&gt;列出、查看并清理华为云 ModelArts 的容器镜像。&lt;/p&gt;&lt;p&gt;每次删除都会记录在日志中；凭证始终保存在系统钥匙串中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Released under the MIT licence.</source>
        <translation>依据 MIT 许可证发布。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Homepage and documentation: %1</source>
        <translation>主页和文档：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report a bug: %1</source>
        <translation>报告问题：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Third-party notices:</source>
        <translation>第三方声明：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Third-party notices</source>
        <translation>第三方声明</translation>
    </message>
</context>
<context>
    <name>mim::AccountManager</name>
    <message>
        <location filename="../views/accounts/AccountManager.cpp" line="+33"/>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <extracomment>a custom endpoint: %1 host:port, %2 region id
----------
%1 region name, %2 region id</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access key %1</source>
        <translation>访问密钥 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM user %1 (%2)</source>
        <translation>IAM 用户 %1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2</source>
        <extracomment>%1 region or host, %2 &quot;access key ...&quot; or &quot;IAM user ...&quot;</extracomment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Manage Accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The secrets of this account are kept for this session only.</source>
        <translation>此账号的密钥仅在本次会话中保留。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Keychain Entry Not Removed</source>
        <translation>未能移除钥匙串条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account “%1” was removed, but its secrets could not be deleted from the keychain.

%2</source>
        <translation>账号“%1”已移除，但无法从钥匙串中删除其密钥。

%2</translation>
    </message>
</context>
<context>
    <name>mim::AccountSwitcher</name>
    <message>
        <location filename="../views/accounts/AccountSwitcher.cpp" line="+34"/>
        <source>No account</source>
        <translation>无账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account whose images are shown</source>
        <translation>当前显示其镜像的账号</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Not saved: only for this session</source>
        <translation>未保存：仅用于本次会话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add Account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage Accounts…</source>
        <translation>管理账号…</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Password Not Saved</source>
        <translation>密码未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret Key Not Saved</source>
        <translation>密钥未保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password of “%1” could not be saved in the keychain:</source>
        <translation>无法将“%1”的密码保存到钥匙串：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The secret key of “%1” could not be saved in the keychain:</source>
        <translation>无法将“%1”的密钥（SK）保存到钥匙串：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is kept for this session only; you will be asked for it again next time.</source>
        <translation>该密码仅在本次会话中保留；下次启动时会再次要求您输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is kept for this session only; you will be asked for it again next time.</source>
        <comment>the secret key</comment>
        <translation>该密钥仅在本次会话中保留；下次启动时会再次要求您输入。</translation>
    </message>
</context>
<context>
    <name>mim::ApiCall</name>
    <message>
        <location filename="../models/api/ApiCall.cpp" line="+54"/>
        <source>Cancelled before it finished.</source>
        <translation>在完成前已取消。</translation>
    </message>
</context>
<context>
    <name>mim::ApiClient</name>
    <message>
        <location filename="../models/api/ApiClient.cpp" line="+54"/>
        <source>The trusted CA file “%1” could not be read or holds no PEM certificate.</source>
        <translation>无法读取受信任的 CA 文件“%1”，或其中没有 PEM 证书。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The client is closing.</source>
        <translation>客户端正在关闭。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“%1” is not a valid ModelArts id (a UUID or 32 hexadecimal digits), so no request was sent for it.</source>
        <translation>“%1”不是有效的 ModelArts ID（应为 UUID 或 32 位十六进制数字），因此未为其发送任何请求。</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+131"/>
        <source>No network access is available.</source>
        <translation>网络不可用。</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>No SWR endpoint is known for the region “%1”: enter one in the account settings. No request was sent.</source>
        <translation>区域“%1”没有已知的 SWR 终端节点：请在账号设置中填写。未发送任何请求。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused to contact %1: %2</source>
        <translation>已拒绝连接 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account&apos;s credentials are incomplete.</source>
        <translation>账号的凭证不完整。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>IAM knows no project named “%1”. Check the region, or enter the project ID in the account settings.</source>
        <translation>IAM 中没有名为“%1”的项目。请检查区域，或在账号设置中填写项目 ID。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IAM returned %1 projects named “%2”; enter the project ID in the account settings.</source>
        <translation>IAM 返回了 %1 个名为“%2”的项目，请在账号设置中填写项目 ID。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>IAM did not say which project belongs to region “%1”; enter the project ID in the account settings.</source>
        <translation>IAM 未指明哪个项目属于区域“%1”，请在账号设置中填写项目 ID。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IAM answered with a project ID that is not valid (“%1”); enter the project ID in the account settings.</source>
        <translation>IAM 返回的项目 ID 无效（“%1”），请在账号设置中填写项目 ID。</translation>
    </message>
    <message>
        <location filename="../models/api/ApiRequestBuilder.cpp" line="+212"/>
        <source>The project ID “%1” is not valid; no request was sent.</source>
        <translation>项目 ID“%1”无效，未发送任何请求。</translation>
    </message>
    <message>
        <location filename="../models/api/ApiClient.cpp" line="+103"/>
        <source>The network connection was shut down before the answer came.</source>
        <translation>网络连接在收到应答前已关闭。</translation>
    </message>
    <message>
        <location filename="../models/api/ApiResponse.cpp" line="+115"/>
        <source>The server&apos;s response is too large (over %1 MB).</source>
        <translation>服务器的响应过大（超过 %1 MB）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server took longer than %1 seconds to answer.</source>
        <translation>服务器应答耗时超过 %1 秒。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No data for %1 ms.</source>
        <translation>%1 毫秒内未收到数据。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The response was cut off: %1</source>
        <translation>响应被截断：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server redirected the request; redirects are not followed.</source>
        <translation>服务器对请求进行了重定向；本应用不跟随重定向。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server redirected the request to %1; redirects are not followed.</source>
        <translation>服务器将请求重定向到 %1；本应用不跟随重定向。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The response body could not be read: %1</source>
        <translation>无法读取响应正文：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The response body (Content-Encoding: %1) could not be decoded: %2</source>
        <translation>无法解码响应正文（Content-Encoding：%1）：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The response was cut off after %1 of %2 bytes.</source>
        <translation>响应在 %1 / %2 字节处被截断。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This computer&apos;s clock is %1 minutes behind the server&apos;s; AK/SK requests are only accepted within 15 minutes of the server&apos;s time. Correct the system time.</source>
        <translation>本机时钟比服务器慢 %1 分钟；AK/SK 请求只有在与服务器时间相差 15 分钟以内时才会被接受。请校正系统时间。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer&apos;s clock is %1 minutes ahead of the server&apos;s; AK/SK requests are only accepted within 15 minutes of the server&apos;s time. Correct the system time.</source>
        <translation>本机时钟比服务器快 %1 分钟；AK/SK 请求只有在与服务器时间相差 15 分钟以内时才会被接受。请校正系统时间。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The response could not be read: %1</source>
        <translation>无法读取响应：%1</translation>
    </message>
</context>
<context>
    <name>mim::ApiError</name>
    <message>
        <location filename="../models/api/ApiError.cpp" line="+232"/>
        <source>The project ID does not match this account or region. Check the project ID in the account settings, or leave it empty to look it up.</source>
        <translation>项目 ID 与此账号或区域不匹配。请检查账号设置中的项目 ID，或将其留空以自动查询。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The image is in use (for example by a notebook) and cannot be deleted now. Stop or delete what uses it, then try again.</source>
        <translation>该镜像正在被使用（例如被某个 Notebook 使用），暂时无法删除。请停止或删除使用它的实例后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No error.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not reach the server. Check your network connection and the endpoint address.</source>
        <translation>无法连接服务器。请检查网络连接和终端节点地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The secure connection to the server failed: its certificate could not be verified.</source>
        <translation>与服务器的安全连接失败：无法验证其证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not answer in time. Try again later.</source>
        <translation>服务器未及时响应，请稍后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server rejected the request time. Make sure your computer&apos;s clock and time zone are correct (within 15 minutes of the real time).</source>
        <translation>服务器拒绝了请求时间。请确认本机的时钟和时区设置正确（与实际时间相差不超过 15 分钟）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your login has expired. Sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The access key (AK) or secret key (SK) was rejected, or the request signature did not match. Check both keys.</source>
        <translation>访问密钥（AK）或私有访问密钥（SK）被拒绝，或请求签名不匹配。请检查这两个密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept your credentials. Check the account settings.</source>
        <translation>服务器未接受您的凭证，请检查账号设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are not allowed to change this image: built-in and other users&apos; public images cannot be deleted.</source>
        <translation>您无权修改此镜像：预置镜像和其他用户的公开镜像不能删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The access key (AK) or secret key (SK) was rejected. Check both keys.</source>
        <translation>访问密钥（AK）或私有访问密钥（SK）被拒绝，请检查这两个密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SWR refused the request. Ask your administrator for the IAM role “SWR Admin” in this region, or for a permission on the organization in SWR (read to see it, manage to delete from it).</source>
        <translation>SWR 拒绝了该请求。请向管理员申请本区域的 IAM 角色“SWR Admin”，或在 SWR 中申请该组织的权限（查看需读取权限，删除需管理权限）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You do not have permission for this operation. Ask your administrator for the ModelArts image permissions (and SWR permissions to delete image content).</source>
        <translation>您没有执行此操作的权限。请向管理员申请 ModelArts 镜像权限（删除镜像内容还需要 SWR 权限）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The organization, repository or tag no longer exists in SWR.</source>
        <translation>该组织、仓库或镜像版本在 SWR 中已不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image or resource no longer exists.</source>
        <translation>镜像或资源已不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is busy and asked to slow down. Try again in a moment.</source>
        <translation>服务器繁忙，要求降低请求频率，请稍后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server had a problem (HTTP %1). Try again later.</source>
        <translation>服务器出现问题（HTTP %1），请稍后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server answered with a redirect (HTTP %1), which is not followed. Check the account&apos;s endpoint address.</source>
        <translation>服务器返回了重定向（HTTP %1），本应用不跟随重定向。请检查账号的终端节点地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent a response that could not be read.</source>
        <translation>服务器返回了无法读取的响应。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation was cancelled.</source>
        <translation>操作已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app did not send this request, so nothing was changed on the server.</source>
        <translation>本应用未发送此请求，因此服务器上没有任何更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not know this address (HTTP 404). Check the account&apos;s endpoint and region.</source>
        <translation>服务器不认识此地址（HTTP 404）。请检查账号的终端节点和区域。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了请求。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message: %1</source>
        <translation>错误信息：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request ID: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
</context>
<context>
    <name>mim::CatalogNotices</name>
    <message>
        <location filename="../views/main/CatalogNotices.cpp" line="+13"/>
        <source>Only the default workspace is shown: the account&apos;s workspaces could not be listed, so images in other workspaces are missing. %1</source>
        <translation>仅显示默认工作空间：无法列出该账号的工作空间，因此其他工作空间中的镜像未显示。%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Skipped %Ln image record(s) that could not be read.</source>
        <translation>
            <numerusform>已跳过 %Ln 条无法读取的镜像记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refreshing failed; the grey rows are from the last session and not confirmed by the server. %1</source>
        <translation>刷新失败；灰色行来自上次会话，未经服务器确认。%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <location line="+4"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <source>The list is incomplete: loading stopped after %Ln image(s). %1</source>
        <translation>
            <numerusform>列表不完整：加载在 %Ln 个镜像后停止。%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refreshing failed; the list may be out of date. %1</source>
        <translation>刷新失败，列表可能不是最新的。%1</translation>
    </message>
</context>
<context>
    <name>mim::CertificateErrorDialog</name>
    <message>
        <location filename="../views/accounts/CertificateErrorDialog.cpp" line="+55"/>
        <source>Server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate %1 of the chain</source>
        <translation>证书链中的第 %1 个证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid from %1 to %2</source>
        <translation>有效期：%1 至 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256 指纹：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is self-signed: it vouches for itself, and no authority you trust vouches for it.</source>
        <translation>这是自签名证书：它由自己担保，没有任何您信任的证书颁发机构为其担保。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent no certificate.</source>
        <translation>服务器未发送证书。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Untrusted Certificate</source>
        <translation>不受信任的证书</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;The connection to %1 was refused because its certificate is not trusted.&lt;/b&gt;</source>
        <translation>&lt;b&gt;与 %1 的连接已被拒绝，因为其证书不受信任。&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone may be intercepting the connection, or the server uses a certificate from a private authority. If you know this certificate is right, trust it by naming the CA file (PEM) that signed it as “CA certificate” in the account&apos;s settings. The app never connects while ignoring a certificate error.</source>
        <translation>可能有人正在拦截此连接，或者服务器使用的是私有证书颁发机构签发的证书。如果您确认此证书无误，请在账号设置的“CA 证书”中指定签发它的 CA 文件（PEM）以信任它。本应用绝不会忽略证书错误进行连接。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit Account…</source>
        <translation>编辑账号…</translation>
    </message>
</context>
<context>
    <name>mim::CleanupDialog</name>
    <message>
        <location filename="../views/tools/CleanupDialog.cpp" line="+80"/>
        <source>Clean Up Images</source>
        <comment>window title</comment>
        <translation>清理镜像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export Preview…</source>
        <translation>导出预览…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saves the ticked images as CSV or JSON without deleting anything (a dry run).</source>
        <translation>将勾选的镜像保存为 CSV 或 JSON 文件，不删除任何内容（试运行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only images that failed to save (Creation failed or Error)</source>
        <translation>仅保存失败的镜像（创建失败或异常）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not updated for</source>
        <comment>followed by a number of days</comment>
        <translation>超过</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Days without an update</source>
        <translation>未更新的天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep only the newest</source>
        <comment>followed by a number of tags</comment>
        <translation>每个镜像仅保留最新的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per namespace and image name, the newest tags (by creation time) are kept and the older ones proposed. Tags that failed to save never count among the kept ones.</source>
        <translation>在每个命名空间和镜像名称下，按创建时间保留最新的版本，并将较旧的版本列为待删除。保存失败的版本不计入保留数量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tags to keep per image</source>
        <translation>每个镜像保留的版本数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Larger than</source>
        <comment>followed by a size</comment>
        <translation>大于</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Minimum size</source>
        <translation>最小大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MB</source>
        <comment>megabytes</comment>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB</source>
        <comment>gigabytes</comment>
        <translation>GB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size unit</source>
        <translation>大小单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wildcards: * stands for any text, ? for one character. Separate several patterns with commas. Upper and lower case are the same.</source>
        <translation>通配符：* 表示任意文本，? 表示任意单个字符。多个模式之间用逗号分隔。不区分大小写。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any namespace, or a pattern such as team-*</source>
        <translation>任意命名空间，或如 team-* 的模式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namespace:</source>
        <comment>SWR organization</comment>
        <translation>命名空间：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any image name, or a pattern such as tmp-*, *-test</source>
        <translation>任意镜像名称，或如 tmp-*、*-test 的模式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image name:</source>
        <translation>镜像名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only images I own</source>
        <translation>仅限自有镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leaves out every image that is not of the type “Own”. Built-in images are never deleted in any case.</source>
        <translation>排除所有类型不是“自有”的镜像。无论如何，预置镜像都不会被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner:</source>
        <translation>所有者：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also delete the image content from SWR</source>
        <translation>同时删除 SWR 中的镜像内容</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SWR:</source>
        <comment>the SWR container registry</comment>
        <translation>SWR：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An image is proposed when it meets every rule that is switched on. Built-in images and images still being saved are never proposed.</source>
        <translation>镜像满足所有已启用的规则时才会被列为待删除。预置镜像和仍在保存中的镜像永远不会被列入。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Images to Delete</source>
        <translation>待删除的镜像</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Images to delete</source>
        <translation>要删除的镜像</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Tick All</source>
        <translation>全部勾选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untick All</source>
        <translation>全部取消勾选</translation>
    </message>
    <message numerus="yes">
        <location line="+103"/>
        <source>day(s)</source>
        <comment>after “Not updated for N”</comment>
        <translation>
            <numerusform>天未更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>tag(s) of each image</source>
        <comment>after “Keep only the newest N”</comment>
        <translation>
            <numerusform>个版本</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frees SWR storage. Applies to private images; public images keep their SWR content.</source>
        <translation>释放 SWR 存储空间。仅适用于私有镜像；公开镜像的 SWR 内容会保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without it only the ModelArts registration is removed: the images stay in SWR and no SWR space is freed.</source>
        <translation>不勾选时仅移除在 ModelArts 中的注册：镜像仍保留在 SWR 中，不释放 SWR 空间。</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%Ln matching image(s) not proposed: in use by notebooks, training jobs or services.</source>
        <translation>
            <numerusform>%Ln 个匹配的镜像未列入：正被 Notebook、训练作业或服务使用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln matching image(s) not proposed: whether they are in use could not be checked.</source>
        <translation>
            <numerusform>%Ln 个匹配的镜像未列入：无法检查它们是否正在使用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Switch on at least one rule to see the images it selects.</source>
        <translation>请至少启用一条规则，以查看其选中的镜像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No image matches these rules.</source>
        <translation>没有符合这些规则的镜像。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln matching image(s), %1 in total.</source>
        <comment>%1 is a size</comment>
        <translation>
            <numerusform>%Ln 个符合条件的镜像，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %Ln matching image(s) ticked, %2 in total.</source>
        <comment>%1 is a number, %2 a size</comment>
        <translation>
            <numerusform>已勾选 %1 个（共 %Ln 个符合条件的镜像），合计 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>The SWR content of %Ln public image(s) is kept.</source>
        <comment>after “Frees 3 GB in SWR.”</comment>
        <translation>
            <numerusform>%Ln 个公开镜像的 SWR 内容将保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Delete %Ln Image(s)…</source>
        <comment>button</comment>
        <translation>
            <numerusform>删除 %Ln 个镜像…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Why</source>
        <comment>CSV column: why the clean-up rules chose the image</comment>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SWR content deleted</source>
        <comment>CSV column: true or false</comment>
        <translation>删除 SWR 内容</translation>
    </message>
    <message numerus="yes">
        <location line="+84"/>
        <source>These are the rules of your last clean-up of this account (%1, %Ln image(s)).</source>
        <comment>%1 is a date</comment>
        <translation>
            <numerusform>这是您上次清理此账号时使用的规则（%1，%Ln 个镜像）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Frees %1 in SWR.</source>
        <comment>%1 is a size</comment>
        <translation>将释放 SWR 中的 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Frees no SWR space: the SWR content is kept.</source>
        <translation>不释放 SWR 空间：SWR 内容将保留。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete…</source>
        <comment>button</comment>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Export Preview</source>
        <translation>导出预览</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>clean-up-preview</source>
        <comment>file name</comment>
        <translation>清理预览</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>mim::CleanupPreviewModel</name>
    <message>
        <location filename="../models/cleanup/CleanupPreviewModel.cpp" line="+119"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <comment>column: why the clean-up rules chose the image</comment>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Failed to save</source>
        <translation>保存失败</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not updated for %Ln day(s)</source>
        <translation>
            <numerusform>%Ln 天未更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln newer version(s)</source>
        <comment>of the same image name</comment>
        <translation>
            <numerusform>有 %Ln 个较新的版本</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed versions are never kept</source>
        <comment>the keep-newest-versions rule</comment>
        <translation>失败的版本从不保留</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, larger than %2</source>
        <comment>size of the image, then the size rule&apos;s threshold</comment>
        <translation>%1，大于 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namespace matches %1</source>
        <comment>%1 is a wildcard pattern</comment>
        <translation>命名空间匹配 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name matches %1</source>
        <comment>%1 is a wildcard pattern</comment>
        <translation>名称匹配 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · </source>
        <comment>separator between reasons</comment>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>mim::ConnectionSettings</name>
    <message>
        <location filename="../models/api/ConnectionSettings.cpp" line="+43"/>
        <source>The address is not a valid URL.</source>
        <translation>该地址不是有效的 URL。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address has no host name.</source>
        <translation>该地址缺少主机名。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plain http:// is only allowed for this computer (localhost, 127.0.0.1 or ::1); use https:// for %1.</source>
        <translation>仅本机地址（localhost、127.0.0.1 或 ::1）允许使用明文 http://；%1 请使用 https://。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only https:// addresses are supported.</source>
        <translation>仅支持 https:// 地址。</translation>
    </message>
</context>
<context>
    <name>mim::DeleteImagesDialog</name>
    <message>
        <location filename="../models/deletion/DeleteImagesText.cpp" line="+16"/>
        <source>Delete Image</source>
        <comment>window title</comment>
        <translation>删除镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete Images</source>
        <comment>window title</comment>
        <translation>删除镜像</translation>
    </message>
    <message>
        <location filename="../views/deletion/DeleteImagesDialog.cpp" line="+51"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../models/deletion/DeleteImagesText.cpp" line="+17"/>
        <source>Delete the image “%1”?</source>
        <comment>one image; %1 is name:tag</comment>
        <translation>确定删除镜像“%1”吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 of the %2 selected images are already being deleted; delete the other %Ln?</source>
        <comment>%1 and %2 are numbers of images; %Ln the images not being deleted yet</comment>
        <translation>
            <numerusform>所选的 %2 个镜像中有 %1 个已在删除中；要删除其余 %Ln 个吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of the %2 selected images are already being deleted; delete %Ln of the others?</source>
        <comment>%1 and %2 are numbers of images; %Ln the images not being deleted yet and not left out</comment>
        <translation>
            <numerusform>所选的 %2 个镜像中有 %1 个已在删除中；要删除其余镜像中的 %Ln 个吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>It is removed from ModelArts (%1, %2). This cannot be undone.</source>
        <comment>one image; %1 is its size, %2 its visibility</comment>
        <translation>该镜像将从 ModelArts 中删除（%1，%2）。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These images are removed from ModelArts, %1 in total. This cannot be undone.</source>
        <comment>several images; %1 is their total size</comment>
        <translation>这些镜像将从 ModelArts 中删除，共 %1。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Also delete the image content from SWR</source>
        <translation>同时删除 SWR 中的镜像内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deletes the image in the SWR registry as well, which frees SWR storage. Without it only the ModelArts registration is removed and the image stays in SWR.</source>
        <translation>同时删除 SWR 镜像仓库中的镜像，以释放 SWR 存储空间。不勾选时仅移除在 ModelArts 中的注册，镜像仍保留在 SWR 中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image is public: its SWR content is kept.</source>
        <translation>该镜像为公开镜像：其 SWR 内容将保留。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All selected images are public: their SWR content is kept.</source>
        <translation>所选镜像均为公开镜像：其 SWR 内容将保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies to this private image. Without it, the image stays in SWR.</source>
        <translation>适用于此私有镜像。不勾选时，镜像仍保留在 SWR 中。</translation>
    </message>
    <message numerus="yes">
        <location line="+94"/>
        <source>I understand this deletes %Ln image(s) (%1)</source>
        <comment>%1 is their total size</comment>
        <translation>
            <numerusform>我了解此操作将删除 %Ln 个镜像（%1）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln of these image(s) are still being created (status INIT or CREATING).</source>
        <translation>
            <numerusform>其中 %Ln 个镜像仍在创建中（状态为 INIT 或 CREATING）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-180"/>
        <source>Delete %Ln image(s)?</source>
        <comment>several images</comment>
        <translation>
            <numerusform>确定删除 %Ln 个镜像吗？</numerusform>
        </translation>
    </message>
    <message>
        <location line="-8"/>
        <source>%1 (workspace %2)</source>
        <comment>namespace/name:tag (workspace research)</comment>
        <translation>%1（工作空间 %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>All %Ln selected image(s) are in use: none is deleted unless you include them.</source>
        <comment>headline when every selected image is in use and left out</comment>
        <translation>
            <numerusform>所选的 %Ln 个镜像均在使用中：除非勾选将其包含在内，否则不会删除任何镜像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <location line="+66"/>
        <source>and %Ln more</source>
        <comment>after the first names of the images to delete</comment>
        <translation>
            <numerusform>以及其他 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-56"/>
        <source>%Ln built-in image(s) skipped: built-in images cannot be deleted.</source>
        <comment>images in the selection that are left alone</comment>
        <translation>
            <numerusform>已跳过 %Ln 个预置镜像：预置镜像不能删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Applies to all %Ln selected images (all are private).</source>
        <translation>
            <numerusform>适用于所选的全部 %Ln 个镜像（均为私有镜像）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Applies to %1 of the %Ln selected images (the private ones); public images keep their SWR content.</source>
        <comment>%1 is the number of private images</comment>
        <translation>
            <numerusform>适用于所选 %Ln 个镜像中的 %1 个（私有镜像）；公开镜像的 SWR 内容将保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Delete %Ln Image(s) and SWR Content</source>
        <comment>button</comment>
        <translation>
            <numerusform>删除 %Ln 个镜像及 SWR 内容</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>Delete %Ln Image(s)</source>
        <comment>button</comment>
        <translation>
            <numerusform>删除 %Ln 个镜像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete %Ln Image(s) (SWR Content of %1)</source>
        <comment>button; %1 is how many lose their SWR content too</comment>
        <translation>
            <numerusform>删除 %Ln 个镜像（其中 %1 个同时删除 SWR 内容）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SWR content kept (public): %1</source>
        <comment>followed by the names of the public images</comment>
        <translation>保留 SWR 内容（公开镜像）：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln image(s) in use, kept unless you include them:</source>
        <comment>images of the selection that notebooks, training jobs or services run</comment>
        <translation>
            <numerusform>%Ln 个镜像正在使用，除非您选择包含，否则将保留：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 — used by %2</source>
        <comment>name:tag — used by notebook llm-dev (Running)</comment>
        <translation>%1 — 被 %2 使用</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 — used by %2 and %Ln more</source>
        <comment>name:tag — used by notebook llm-dev (Running) and 2 more</comment>
        <translation>
            <numerusform>%1 — 被 %2 及另外 %Ln 项使用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>and %Ln more in use</source>
        <comment>after the first images in use</comment>
        <translation>
            <numerusform>另有 %Ln 个正在使用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete the %Ln image(s) in use as well</source>
        <translation>
            <numerusform>同时删除正在使用的 %Ln 个镜像</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What runs them may stop working when it needs the image again, and the server may refuse to delete an image in use.</source>
        <translation>使用这些镜像的资源再次需要镜像时可能无法运行，服务器也可能拒绝删除正在使用的镜像。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Whether %Ln of these image(s) are in use could not be checked; they are deleted if you confirm.</source>
        <comment>usage of the images is unknown</comment>
        <translation>
            <numerusform>无法检查其中 %Ln 个镜像是否正在使用；如果您确认，它们将被删除。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/deletion/DeleteImagesDialog.cpp" line="+80"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>mim::DeleteTagsDialog</name>
    <message numerus="yes">
        <location filename="../views/storage/DeleteTagsDialog.cpp" line="+34"/>
        <source>Delete %n SWR Tag(s)</source>
        <translation>
            <numerusform>删除 %n 个 SWR 镜像版本</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete %n tag(s) from SWR, %1?</source>
        <translation>
            <numerusform>从 SWR 删除 %n 个镜像版本（%1）？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(%n of unknown size not counted)</source>
        <translation>
            <numerusform>（%n 个大小未知，未计入）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The content is removed from SWR and cannot be restored. No ModelArts image names these tags.</source>
        <translation>内容将从 SWR 中删除，且无法恢复。没有任何 ModelArts 镜像引用这些镜像版本。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n selected tag(s) registered in ModelArts are left out: delete the image with force instead.</source>
        <translation>
            <numerusform>已略过 %n 个已在 ModelArts 中注册的所选镜像版本：请改为强制删除其镜像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Delete %n Tag(s)</source>
        <translation>
            <numerusform>删除 %n 个镜像版本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::DeletionFlow</name>
    <message>
        <location filename="../views/deletion/DeletionFlow.cpp" line="+69"/>
        <source>Deletions Running</source>
        <translation>删除正在进行</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln deletion(s) are still running.</source>
        <translation>
            <numerusform>仍有 %Ln 个删除正在进行。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing the account now could leave the outcome of requests already sent unknown. Wait for the deletions to finish, or stop: no more requests are sent, and the app goes on once the ones already sent have finished.</source>
        <translation>现在关闭账号可能导致已发送请求的结果未知。请等待删除完成，或者停止：不再发送新的请求，待已发送的请求完成后本应用再继续。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop After the Current Requests</source>
        <translation>当前请求完成后停止</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping: waiting for the requests already sent…</source>
        <translation>正在停止：等待已发送的请求完成…</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>The %Ln selected image(s) are already being deleted.</source>
        <translation>
            <numerusform>所选的 %Ln 个镜像已在删除中。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Built-in images cannot be deleted.</source>
        <translation>预置镜像不能删除。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These deletions belong to the account “%1”; switch to it to retry them.</source>
        <translation>这些删除属于账号“%1”；请切换到该账号后再重试。</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%Ln image(s) deleted.</source>
        <translation>
            <numerusform>已删除 %Ln 个镜像。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>The outcome of %Ln deletion(s) was not known: the app stopped, or the account was closed, while they ran. The server was asked; this is what became of them:</source>
        <translation>
            <numerusform>有 %Ln 个删除的结果未知：它们进行时本应用停止了运行，或账号被关闭。已向服务器核实，结果如下：</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Interrupted Deletions</source>
        <translation>中断的删除操作</translation>
    </message>
</context>
<context>
    <name>mim::DeletionJournal</name>
    <message>
        <location filename="../models/deletion/DeletionJournal.cpp" line="+427"/>
        <source>Cannot create the folder %1 for the deletion journal.</source>
        <translation>无法为删除日志创建文件夹 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+127"/>
        <source>Cannot lock the deletion journal %1: %2</source>
        <translation>无法锁定删除日志 %1：%2</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Cannot open the deletion journal %1: %2</source>
        <translation>无法打开删除日志 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write to the deletion journal %1: %2</source>
        <translation>无法写入删除日志 %1：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot read the deletion journal: %1</source>
        <translation>无法读取删除日志：%1</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+32"/>
        <source>Cannot read the deletion journal %1: %2</source>
        <translation>无法读取删除日志 %1：%2</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+48"/>
        <source>Cannot write the deletion journal&apos;s archive %1: %2</source>
        <translation>无法写入删除日志的归档 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Cannot write the deletion journal %1: %2</source>
        <translation>无法写入删除日志 %1：%2</translation>
    </message>
    <message>
        <location line="-433"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Another process keeps it locked.</source>
        <translation>另一个进程正锁定着它。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>mim::DeletionQueue</name>
    <message>
        <location filename="../models/deletion/DeletionQueue.cpp" line="+16"/>
        <source>The request was sent, but the connection to the account was closed before the answer came.</source>
        <translation>请求已发送，但在收到答复前与账号的连接已关闭。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Cancelled before it was sent.</source>
        <translation>在发送前已取消。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No account is connected.</source>
        <translation>未连接任何账号。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The image was not deleted because the deletion journal could not be written: %1</source>
        <translation>由于无法写入删除日志，镜像未被删除：%1</translation>
    </message>
</context>
<context>
    <name>mim::DeletionSummaryDialog</name>
    <message>
        <location filename="../views/deletion/DeletionSummaryDialog.cpp" line="+139"/>
        <source>Deletion Results</source>
        <translation>删除结果</translation>
    </message>
    <message numerus="yes">
        <location line="-58"/>
        <location line="+75"/>
        <source>%Ln image(s) deleted</source>
        <comment>deletion summary</comment>
        <translation>
            <numerusform>已删除 %Ln 个镜像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-85"/>
        <location line="+87"/>
        <source>%Ln already gone</source>
        <comment>deletion summary: deleted by someone else before us</comment>
        <translation>
            <numerusform>%Ln 个已不存在</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-89"/>
        <location line="+91"/>
        <source>%Ln failed</source>
        <comment>deletion summary</comment>
        <translation>
            <numerusform>%Ln 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-86"/>
        <location line="+88"/>
        <source>%Ln cancelled</source>
        <comment>deletion summary: never sent</comment>
        <translation>
            <numerusform>%Ln 个已取消</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-86"/>
        <location line="+89"/>
        <source>%Ln with unknown outcome</source>
        <comment>deletion summary: sent, but the answer was lost</comment>
        <translation>
            <numerusform>%Ln 个结果未知</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1.</source>
        <comment>deletion summary sentence: the parts joined</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Images that were not deleted</source>
        <translation>未删除的镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <comment>what happened to the image</comment>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy Report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Retry</source>
        <comment>the failed deletions of one reason</comment>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry: %1</source>
        <comment>retry the deletions that failed for this reason</comment>
        <translation>重试：%1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already gone: it was deleted elsewhere before this request.</source>
        <translation>已不存在：在此请求之前已被其他途径删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not deleted: cancelled before the request was sent.</source>
        <translation>未删除：在发送请求前已取消。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome unknown: the request was sent, but no answer said whether the image was deleted. The app will check with the server the next time this account is opened.</source>
        <translation>结果未知：请求已发送，但没有应答说明镜像是否已删除。下次打开此账号时，本应用会向服务器核实。</translation>
    </message>
</context>
<context>
    <name>mim::DetailsPane</name>
    <message>
        <location filename="../views/main/DetailsPane.cpp" line="+97"/>
        <source>Image details</source>
        <translation>镜像详情</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select an image to see its details.</source>
        <translation>选择一个镜像以查看其详情。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag:</source>
        <comment>image version tag</comment>
        <translation>版本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:tag:</source>
        <translation>名称:版本：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name:tag</source>
        <translation>名称:版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status message:</source>
        <translation>状态信息：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used by:</source>
        <extracomment>The notebooks, training jobs and services that run the image</extracomment>
        <translation>使用者：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size unit:</source>
        <translation>大小单位：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated:</source>
        <translation>更新时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <comment>image type: own or built-in</comment>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origin:</source>
        <comment>how the image was made: registered or saved from a notebook</comment>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility:</source>
        <translation>可见性：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture:</source>
        <comment>CPU architecture</comment>
        <translation>架构：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service type:</source>
        <translation>服务类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dev services:</source>
        <comment>development services such as SSH or Jupyter</comment>
        <translation>开发服务：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resources:</source>
        <comment>resource categories: CPU, GPU, ASCEND</comment>
        <translation>资源类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supports:</source>
        <comment>supported resource categories</comment>
        <translation>支持的资源：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespace:</source>
        <comment>SWR organization</comment>
        <translation>命名空间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWR path:</source>
        <translation>SWR 路径：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SWR path</source>
        <translation>SWR 路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace:</source>
        <translation>工作空间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flavor type:</source>
        <extracomment>The ModelArts compute flavor (instance specification) type the image is meant for</extracomment>
        <translation>规格类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWR instance:</source>
        <translation>SWR 实例：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <comment>key=value labels of the image</comment>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+1"/>
        <source>Copy %1</source>
        <comment>copy button tooltip, %1 names the value</comment>
        <translation>复制%1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 · %2 · %3</source>
        <comment>details header: status, size, visibility</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <comment>size: human size, then the number as the server sent it</comment>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+156"/>
        <source>%Ln image(s) selected, total %1</source>
        <comment>details pane, several images selected</comment>
        <translation>
            <numerusform>已选择 %Ln 个镜像，共 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln private</source>
        <comment>count of private images in the selection</comment>
        <translation>
            <numerusform>%Ln 个私有</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln public</source>
        <comment>count of public images in the selection</comment>
        <translation>
            <numerusform>%Ln 个公开</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln built-in (cannot be deleted)</source>
        <translation>
            <numerusform>%Ln 个预置（不能删除）</numerusform>
        </translation>
    </message>
    <message>
        <location line="-75"/>
        <source>%1 · ID %2</source>
        <comment>a user of the image and its id</comment>
        <translation>%1 · ID %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy the %1&apos;s name</source>
        <comment>%1: notebook, training job or service</comment>
        <translation>复制%1的名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+2"/>
        <source>%1 name</source>
        <comment>notebook name, service name</comment>
        <translation>%1名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ID</source>
        <comment>notebook ID, service ID</comment>
        <translation>%1 ID</translation>
    </message>
</context>
<context>
    <name>mim::EmptyStateWidget</name>
    <message>
        <location filename="../views/main/EmptyStateWidget.cpp" line="+39"/>
        <source>Add Account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the Demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Built-in Images</source>
        <translation>显示预置镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manage Accounts…</source>
        <translation>管理账号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an account in the toolbar to see its images, or add another one.</source>
        <translation>在工具栏中选择一个账号以查看其镜像，或添加其他账号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No account yet</source>
        <translation>尚无账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a Huawei Cloud account to see and clean up its ModelArts images. Or look around first with the demo, which runs entirely on this computer.</source>
        <translation>添加华为云账号，即可查看并清理其 ModelArts 镜像。也可以先试用演示，演示完全在本机运行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image list not loaded</source>
        <translation>镜像列表未加载</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading was stopped before it finished.</source>
        <translation>加载在完成前已停止。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading images…</source>
        <translation>正在加载镜像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the image list of “%1”.</source>
        <translation>正在读取“%1”的镜像列表。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No images</source>
        <translation>没有镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This account has no images in this region.</source>
        <translation>此账号在该区域中没有镜像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No images of your own</source>
        <translation>没有自有镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images you save from a notebook or register in the console appear here. Built-in images are hidden.</source>
        <translation>从 Notebook 保存或在控制台注册的镜像会显示在这里。预置镜像已隐藏。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No matching images</source>
        <translation>没有匹配的镜像</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>None of the %Ln image(s) matches the filter.</source>
        <comment>empty state when the filter hides everything</comment>
        <translation>
            <numerusform>%Ln 个镜像均不符合筛选条件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not load the images</source>
        <translation>无法加载镜像</translation>
    </message>
</context>
<context>
    <name>mim::ExportImages</name>
    <message>
        <location filename="../views/tools/ExportImages.cpp" line="+63"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV, visible columns (*.csv)</source>
        <translation>CSV，可见列 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON, visible columns (*.json)</source>
        <translation>JSON，可见列 (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, all fields (*.csv)</source>
        <translation>CSV，全部字段 (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON, all fields (*.json)</source>
        <translation>JSON，全部字段 (*.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>Exported %Ln image(s) to %1.</source>
        <translation>
            <numerusform>已将 %Ln 个镜像导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::FilterBar</name>
    <message>
        <location filename="../views/main/FilterBar.cpp" line="+78"/>
        <source>Filter by name, tag, id, SWR path, namespace, description…</source>
        <translation>按名称、版本、ID、SWR 路径、命名空间、描述筛选…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Filter images</source>
        <translation>筛选镜像</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Shows only the images whose name, tag, id, SWR path, namespace or description contains this text (Esc clears it)</source>
        <translation>仅显示名称、版本、ID、SWR 路径、命名空间或描述中包含此文本的镜像（按 Esc 清除）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear filter text</source>
        <translation>清除筛选文字</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter by %1</source>
        <translation>按%1筛选</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Clear Filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all images again (built-in images stay hidden)</source>
        <translation>重新显示全部镜像（预置镜像仍保持隐藏）</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <comment>image type: own or built-in</comment>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture</source>
        <comment>CPU architecture</comment>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service Type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resources</source>
        <comment>resource category: CPU, GPU, ASCEND</comment>
        <translation>资源类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace</source>
        <comment>SWR organization</comment>
        <translation>命名空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In use</source>
        <comment>facet: whether notebooks, training jobs or services use the image</comment>
        <translation>使用中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(none)</source>
        <comment>facet value: the field is empty</comment>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Default workspace</source>
        <translation>默认工作空间</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Own Images</source>
        <translation>自有镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Built-in Images</source>
        <translation>预置镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preset images provided by ModelArts; they cannot be deleted</source>
        <translation>ModelArts 提供的预置镜像，不能删除</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All</source>
        <comment>facet filter: accept every value</comment>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No values yet</source>
        <translation>暂无可选值</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1: Own</source>
        <comment>facet button: type filter shows the user&apos;s own images (the default)</comment>
        <translation>%1：自有</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: Built-in</source>
        <comment>facet button: type filter shows built-in images only</comment>
        <translation>%1：预置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: All</source>
        <comment>facet button: type filter shows own and built-in images</comment>
        <translation>%1：全部</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <comment>facet button: title and the one accepted value</comment>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %Ln selected</source>
        <comment>facet button: title and how many values are accepted</comment>
        <translation>
            <numerusform>%1：已选 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Showing %1 (click to change)</source>
        <comment>facet button tooltip, %1 is e.g. &apos;Status: Active&apos;</comment>
        <translation>正在显示 %1（单击可更改）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by %1</source>
        <comment>facet button tooltip</comment>
        <translation>按%1筛选</translation>
    </message>
</context>
<context>
    <name>mim::FilterNotices</name>
    <message numerus="yes">
        <location filename="../views/main/FilterNotices.cpp" line="+109"/>
        <source>Filtered: showing %1 of %Ln image(s).</source>
        <comment>the filter of the last session hides images</comment>
        <translation>
            <numerusform>已筛选：显示 %Ln 个镜像中的 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The filters of the last session were restored.</source>
        <translation>已恢复上次会话的筛选条件。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear Filters</source>
        <translation>清除筛选</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln image(s) match &quot;%1&quot; only in %2, which the table hides.</source>
        <translation>
            <numerusform>%Ln 个镜像仅在%2中匹配“%1”，而表格隐藏了该列。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The filter looks for its text in: %1.</source>
        <translation>筛选文本在以下列中查找：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show %1</source>
        <comment>show the hidden column</comment>
        <translation>显示%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show These Columns</source>
        <translation>显示这些列</translation>
    </message>
</context>
<context>
    <name>mim::Formatting</name>
    <message>
        <location filename="../models/common/Formatting.cpp" line="+108"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 as reported, in KB per the API documentation</source>
        <comment>details pane: the image size number exactly as the server sent it, and its documented unit</comment>
        <translation>服务器返回值 %1，按 API 文档单位为 KB</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>%Ln 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>%Ln 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln 天前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Active</source>
        <comment>image status</comment>
        <translation>可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Initializing</source>
        <comment>image status</comment>
        <translation>初始化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creating</source>
        <comment>image status</comment>
        <translation>创建中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creation failed</source>
        <comment>image status</comment>
        <translation>创建失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <comment>image status</comment>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <comment>image status</comment>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <comment>image status</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Own</source>
        <comment>image type: the user&apos;s own (DEDICATED) image</comment>
        <translation>自有</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in</source>
        <comment>image type: preset image provided by ModelArts</comment>
        <translation>预置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Private</source>
        <comment>image visibility</comment>
        <translation>私有</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public</source>
        <comment>image visibility</comment>
        <translation>公开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>x86-64</source>
        <comment>CPU architecture (X86_64)</comment>
        <translation>x86-64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arm64</source>
        <comment>CPU architecture (AARCH64)</comment>
        <translation>Arm64</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>General</source>
        <comment>image service type (COMMON): usable for any service</comment>
        <translation>通用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <comment>image service type (TRAIN)</comment>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inference</source>
        <comment>image service type (INFERENCE)</comment>
        <translation>推理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Development</source>
        <comment>image service type (DEV): notebooks</comment>
        <translation>开发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <comment>image service type (UNKNOWN)</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Custom</source>
        <comment>image source (CUSTOMIZE): registered by the user</comment>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved from a notebook</source>
        <comment>image source (IMAGE_SAVE)</comment>
        <translation>从 Notebook 保存</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notebook</source>
        <comment>development service (NOTEBOOK): JupyterLab</comment>
        <translation>Notebook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH</source>
        <comment>development service (SSH): remote access</comment>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU</source>
        <comment>resource category (CPU)</comment>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU</source>
        <comment>resource category (GPU)</comment>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ascend NPU</source>
        <comment>resource category (ASCEND): Huawei&apos;s AI processor</comment>
        <translation>昇腾 NPU</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <comment>an API value&apos;s label, then the value as the API sent it</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>mim::FreedStorage</name>
    <message>
        <location filename="../models/storage/FreedStorage.cpp" line="+61"/>
        <source>Frees nothing in SWR: without “Also delete the image content from SWR” the content stays there.</source>
        <translation>不释放 SWR 中的空间：未勾选“同时删除 SWR 中的镜像内容”时，内容仍保留在 SWR 中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Frees nothing in SWR: public images keep their SWR content.</source>
        <translation>不释放 SWR 中的空间：公开镜像保留其 SWR 内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frees about %1 in SWR, by ModelArts&apos; size (SWR storage is not loaded).</source>
        <translation>约释放 SWR 中的 %1，按 ModelArts 的大小计算（未加载 SWR 存储）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frees %1 in SWR, from the SWR tag sizes.</source>
        <translation>释放 SWR 中的 %1，按 SWR 镜像版本大小计算。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frees about %1 in SWR, by ModelArts&apos; size: SWR lists none of these images&apos; tags.</source>
        <translation>约释放 SWR 中的 %1，按 ModelArts 的大小计算：SWR 中没有这些镜像的版本。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Frees about %1 in SWR: from the SWR tag sizes, and by ModelArts&apos; size for %Ln image(s) whose SWR tag was not found.</source>
        <translation>
            <numerusform>约释放 SWR 中的 %1：按 SWR 镜像版本大小计算，其中 %Ln 个镜像的 SWR 镜像版本未找到，按 ModelArts 的大小计算。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::Image</name>
    <message>
        <location filename="../models/api/Image.cpp" line="+62"/>
        <source>field &quot;%1&quot; is not %2</source>
        <translation>字段“%1”不是%2</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+9"/>
        <source>an array of strings</source>
        <translation>字符串数组</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>an array of tags</source>
        <translation>标签数组</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>no &quot;id&quot;</source>
        <translation>缺少“id”</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The response has no &quot;data&quot; array.</source>
        <translation>响应中没有“data”数组。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The response&apos;s &quot;%1&quot; is not an integer.</source>
        <translation>响应中的“%1”不是整数。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>record %1: %2</source>
        <translation>第 %1 条记录：%2</translation>
    </message>
</context>
<context>
    <name>mim::ImageCatalog</name>
    <message>
        <location filename="../models/catalog/ImageCatalog.cpp" line="+100"/>
        <source>The account was closed.</source>
        <translation>账号已关闭。</translation>
    </message>
    <message>
        <location line="+372"/>
        <source>Loading was cancelled before every image arrived.</source>
        <translation>加载在所有镜像到达之前已取消。</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>No account is connected.</source>
        <translation>未连接任何账号。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The connection to the account was closed.</source>
        <translation>与账号的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>mim::ImageExporter</name>
    <message>
        <location filename="../models/catalog/ImageExporter.cpp" line="+97"/>
        <source>%1 (as reported)</source>
        <comment>CSV column header: the size column, the number as ModelArts sends it (KB as documented, bytes in some regions)</comment>
        <translation>%1（服务器返回值）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Size (bytes)</source>
        <comment>CSV column header: the image size in bytes</comment>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Cannot export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>mim::ImageGroup</name>
    <message>
        <location filename="../models/groups/ImageGroup.cpp" line="+83"/>
        <source>The server listed this image group without an ID, so it cannot be deleted or changed here. Delete its versions one by one in the image list instead.</source>
        <translation>服务器列出的这个镜像组没有 ID，因此无法在此删除或修改。请改为在镜像列表中逐个删除它的版本。</translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupLoader</name>
    <message>
        <location filename="../models/groups/ImageGroupLoader.cpp" line="+38"/>
        <source>Not connected to an account.</source>
        <translation>未连接到账号。</translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupModel</name>
    <message>
        <location filename="../models/groups/ImageGroupModel.cpp" line="+120"/>
        <source>Failed: %L1</source>
        <comment>versions of the group that failed to save</comment>
        <translation>失败：%L1</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>The server counts %Ln version(s); %1 are in the image list.</source>
        <translation>
            <numerusform>服务器记录有 %Ln 个版本，镜像列表中有 %1 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%L1 of %Ln version(s) failed to save</source>
        <translation>
            <numerusform>%Ln 个版本中有 %L1 个保存失败</numerusform>
        </translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Image / Tag</source>
        <comment>column: the image name of a group, the tag of a version</comment>
        <translation>镜像 / 版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions</source>
        <comment>column: number of tags of an image</comment>
        <translation>版本数</translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupPage</name>
    <message>
        <location filename="../models/groups/ImageGroup.cpp" line="-24"/>
        <source>field &quot;%1&quot; is not a string</source>
        <translation>字段“%1”不是字符串</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>field &quot;%1&quot; is not an integer</source>
        <translation>字段“%1”不是整数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>field &quot;%1&quot; is not an array</source>
        <translation>字段“%1”不是数组</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The response has no &quot;data&quot; array.</source>
        <translation>响应中没有“data”数组。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The response&apos;s &quot;total&quot; is not an integer.</source>
        <translation>响应中的“total”不是整数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>group %1: %2</source>
        <translation>分组 %1：%2</translation>
    </message>
</context>
<context>
    <name>mim::ImageGroupsDialog</name>
    <message>
        <location filename="../views/tools/ImageGroupsDialog.cpp" line="+43"/>
        <source>Image Groups</source>
        <comment>window title</comment>
        <translation>镜像分组</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Filter image groups</source>
        <translation>筛选镜像组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by image name, namespace or tag</source>
        <translation>按镜像名称、命名空间或版本筛选</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image groups</source>
        <translation>镜像组</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete Group…</source>
        <translation>删除分组…</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%Ln group(s), %1 in total.</source>
        <translation>
            <numerusform>%Ln 个分组，共 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln version(s)</source>
        <comment>in “3 groups, 12 versions in total”</comment>
        <translation>
            <numerusform>%Ln 个版本</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deletes every version of the selected image at once.</source>
        <translation>一次性删除所选镜像的所有版本。</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>Deleting “%1” and its %Ln version(s)…</source>
        <translation>
            <numerusform>正在删除“%1”及其 %Ln 个版本…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Deleted “%1” and its %Ln version(s), with their SWR content.</source>
        <translation>
            <numerusform>已删除“%1”及其 %Ln 个版本，包括其 SWR 内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Deleted “%1” and its %Ln version(s); the SWR content is kept.</source>
        <translation>
            <numerusform>已删除“%1”及其 %Ln 个版本；SWR 内容已保留。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Not connected to an account.</source>
        <translation>未连接到账号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading image groups…</source>
        <translation>正在加载镜像分组…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The image groups could not be loaded. %1</source>
        <translation>无法加载镜像分组。%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This account has no images of its own.</source>
        <translation>此账号没有自有镜像。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Reading the versions of “%1”…</source>
        <translation>正在读取“%1”的版本…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The versions of “%1” could not be read. %2</source>
        <translation>无法读取“%1”的版本。%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” has no versions any more: someone else deleted them.</source>
        <translation>“%1”已没有任何版本：已被他人删除。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete Image Group</source>
        <comment>window title</comment>
        <translation>删除镜像分组</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No account is connected, or it is being deleted already.</source>
        <translation>未连接账号，或它正在被删除。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“%1” was already deleted.</source>
        <translation>“%1”已被删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whether “%1” was deleted is not known: the server&apos;s answer was lost. The app will ask the server again when the account is opened.</source>
        <translation>不确定“%1”是否已删除：服务器的应答丢失了。再次打开该账号时，应用会重新向服务器确认。</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+51"/>
        <source>“%1” was not deleted. %2</source>
        <translation>“%1”未删除。%2</translation>
    </message>
</context>
<context>
    <name>mim::ImageListing</name>
    <message>
        <location filename="../models/api/ImageListing.cpp" line="+46"/>
        <location filename="../models/api/WorkspacesListing.cpp" line="+46"/>
        <source>The listing was cancelled.</source>
        <translation>列表查询已取消。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The server reports %1 images; this app lists at most %2. The listing was stopped.</source>
        <translation>服务器报告有 %1 个镜像；本应用最多列出 %2 个。已停止加载列表。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server sends %1 images per page for %2 images: reading them would take %3 requests. The listing was stopped.</source>
        <translation>服务器每页只返回 %1 个镜像（共 %2 个）：全部读取需要 %3 次请求。已停止加载列表。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>offset %1, %2</source>
        <translation>偏移 %1，%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The images kept changing while they were read (%1 attempts); the list would be incomplete. Try again.</source>
        <translation>读取过程中镜像不断变化（已尝试 %1 次），列表将不完整。请重试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server reported %1 images but sent %2 different ones, %3 times in a row; the list would be incomplete.</source>
        <translation>服务器报告有 %1 个镜像，但连续 %3 次只返回了 %2 个不同的镜像；列表将不完整。</translation>
    </message>
    <message>
        <location filename="../models/api/WorkspacesListing.cpp" line="+77"/>
        <source>The list of workspaces could not be read: %1</source>
        <translation>无法读取工作空间列表：%1</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>workspace %1, %2</source>
        <translation>工作空间 %1，%2</translation>
    </message>
</context>
<context>
    <name>mim::ImageTableModel</name>
    <message>
        <location filename="../models/catalog/ImageTableModel.cpp" line="+80"/>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching…</source>
        <comment>the app is polling a settling image&apos;s status</comment>
        <translation>正在跟踪…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synchronizing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stuck?</source>
        <comment>a settling image whose status has not changed for a long time</comment>
        <translation>可能卡住？</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Its status has not changed for %n minute(s) of watching, so the app stopped asking for it. Resync Status asks ModelArts to check it again; Refresh shows any change.</source>
        <translation>
            <numerusform>监视 %n 分钟内状态一直未变，应用已停止查询它。“重新同步状态”会请 ModelArts 重新检查；“刷新”会显示任何变化。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 – %2</source>
        <comment>status – what the app is doing with the image</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1 (ID %2)</source>
        <comment>workspace name and id</comment>
        <translation>%1（ID %2）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Default</source>
        <comment>the default workspace</comment>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../models/catalog/ImageColumns.cpp" line="+67"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tag</source>
        <extracomment>Column: the image tag, the version after &quot;:&quot; in name:tag (not a key=value label)</extracomment>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Created</source>
        <extracomment>Column: when the image was created</extracomment>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Updated</source>
        <extracomment>Column: when the image was last updated</extracomment>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type</source>
        <extracomment>Column: image type, the user&apos;s own or built-in (preset)</extracomment>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Resources</source>
        <extracomment>Column: the resource categories the image runs on (CPU, GPU, ASCEND)</extracomment>
        <translation>资源类型</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Used by</source>
        <extracomment>Column: the notebooks, training jobs and services that run the image</extracomment>
        <translation>使用者</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Namespace</source>
        <comment>SWR organization</comment>
        <translation>命名空间</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>SWR path</source>
        <translation>SWR 路径</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>mim::ImageTableView</name>
    <message>
        <location filename="../views/main/ImageTableView.cpp" line="+19"/>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Reset Columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>mim::ImageToolsMenu</name>
    <message>
        <location filename="../views/tools/ImageToolsMenu.cpp" line="+53"/>
        <source>Clean &amp;Up…</source>
        <comment>menu: the clean-up assistant</comment>
        <translation>清理(&amp;U)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find images to delete by rules (failed, old, older tags, large) and free SWR space.</source>
        <translation>按规则（失败、过旧、旧版本、过大）查找要删除的镜像，并释放 SWR 空间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image &amp;Groups…</source>
        <translation>镜像分组(&amp;G)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the images grouped by name, and delete all versions of an image at once.</source>
        <translation>按名称分组显示镜像，并可一次性删除某个镜像的所有版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWR &amp;Storage…</source>
        <comment>menu: what the account stores in SWR</comment>
        <translation>SWR 存储(&amp;S)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show how much SWR storage each organization uses, and delete tags no ModelArts image names.</source>
        <translation>显示每个组织占用的 SWR 存储，并删除没有任何 ModelArts 镜像引用的镜像版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register Image…</source>
        <translation>注册镜像(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make an image that is already in SWR available in ModelArts.</source>
        <translation>将已在 SWR 中的镜像注册到 ModelArts 中使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Images…</source>
        <translation>导出镜像(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the images shown, with the columns shown, as CSV or JSON.</source>
        <translation>将当前显示的镜像（含显示的列）保存为 CSV 或 JSON 文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Registered %1.</source>
        <comment>%1 is name:tag</comment>
        <translation>已注册 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Images</source>
        <translation>导出镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>modelarts-images</source>
        <comment>file name</comment>
        <translation>modelarts-镜像</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>mim::JournalReconciler</name>
    <message>
        <location filename="../models/deletion/JournalReconciler.cpp" line="+159"/>
        <source>The account was closed.</source>
        <translation>账号已关闭。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The server&apos;s answer could not be read.</source>
        <translation>无法读取服务器的响应。</translation>
    </message>
</context>
<context>
    <name>mim::JsonEnvelope</name>
    <message>
        <location filename="../models/api/JsonEnvelope.cpp" line="+33"/>
        <source>The response is not valid JSON: %1 at offset %2</source>
        <translation>响应不是有效的 JSON：偏移 %2 处%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The response is not a JSON object.</source>
        <translation>响应不是 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>mim::KeyboardNavigation</name>
    <message>
        <location filename="../views/main/KeyboardNavigation.cpp" line="+88"/>
        <location line="+4"/>
        <source>Stop Deleting</source>
        <translation>停止删除</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Stop the running deletions?</source>
        <translation>停止正在进行的删除？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests already sent finish; the rest are not sent.</source>
        <translation>已发出的请求会完成；其余的不再发送。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue Deleting</source>
        <translation>继续删除</translation>
    </message>
</context>
<context>
    <name>mim::MainStatusBar</name>
    <message>
        <location filename="../views/main/MainStatusBar.cpp" line="+29"/>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading the image list</source>
        <translation>停止加载镜像列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deletion progress</source>
        <translation>删除进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop deleting: requests already sent finish, the rest are not sent</source>
        <translation>停止删除：已发送的请求会完成，其余请求不再发送</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%Ln image(s), %1</source>
        <comment>status bar: count and total size</comment>
        <translation>
            <numerusform>%Ln 个镜像，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 of %Ln image(s) shown, %2</source>
        <comment>status bar: filtered count, total count, size</comment>
        <translation>
            <numerusform>显示 %1 个（共 %Ln 个镜像），%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln selected, %1</source>
        <comment>status bar: selection count and size</comment>
        <translation>
            <numerusform>已选择 %Ln 个，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%Ln image(s) being saved — watching for changes</source>
        <comment>status bar</comment>
        <translation>
            <numerusform>%Ln 个镜像正在保存，将持续跟踪其状态变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Deleting: %1 of %Ln image(s)</source>
        <comment>status bar progress; %1 is the number done</comment>
        <translation>
            <numerusform>正在删除：%1 / %Ln 个镜像</numerusform>
        </translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Refreshed %1</source>
        <comment>status bar: time of the last refresh</comment>
        <translation>刷新于 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Images as of %1 — refreshing…</source>
        <comment>status bar: rows from the last session</comment>
        <translation>%1 时的镜像 — 正在刷新…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images as of %1</source>
        <comment>status bar: rows from the last session</comment>
        <translation>%1 时的镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remembered from the last session; grey rows are not confirmed by the server yet.</source>
        <translation>来自上次会话的记录；灰色行尚未经服务器确认。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading images…</source>
        <translation>正在加载镜像…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading images: %1 of %2</source>
        <comment>status bar progress</comment>
        <translation>正在加载镜像：%1 / %2</translation>
    </message>
</context>
<context>
    <name>mim::MainWindow</name>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="+71"/>
        <location line="+301"/>
        <source>ModelArts Image Manager</source>
        <translation>ModelArts 镜像管理器</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Copied the %1.</source>
        <translation>已复制%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>%1 — ModelArts Image Manager</source>
        <comment>window title; %1 is the account</comment>
        <translation>%1 — ModelArts 镜像管理器</translation>
    </message>
    <message numerus="yes">
        <location line="+213"/>
        <source>Asking ModelArts to check %Ln image(s) again…</source>
        <translation>
            <numerusform>正在请 ModelArts 重新检查 %Ln 个镜像…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not resync the status of %1. %2</source>
        <translation>无法重新同步 %1 的状态。%2</translation>
    </message>
</context>
<context>
    <name>mim::MainWindowActions</name>
    <message>
        <location filename="../views/main/MainWindowActions.cpp" line="+37"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load the image list again (%1)</source>
        <translation>重新加载镜像列表（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete with &amp;SWR Content…</source>
        <translation>连同 SWR 内容删除(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete the selected images and their content in SWR</source>
        <translation>删除所选镜像及其在 SWR 中的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;sync Status</source>
        <translation>重新同步状态(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask ModelArts to check the status of the selected images again (for images stuck while being saved, or failed)</source>
        <translation>请 ModelArts 重新检查所选镜像的状态（适用于卡在保存中或已失败的镜像）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;Details</source>
        <translation>显示详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Details &amp;Pane</source>
        <translation>详情面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or hide the details of the selected image (F9)</source>
        <translation>显示或隐藏所选镜像的详情（F9）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;SWR Path</source>
        <translation>复制 SWR 路径(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;ID</source>
        <translation>复制 ID(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy &amp;Name:Tag</source>
        <translation>复制名称:版本(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Built-in Images</source>
        <translation>显示预置镜像(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also list the preset images ModelArts provides (they cannot be deleted)</source>
        <translation>同时列出 ModelArts 提供的预置镜像（不能删除）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;Journal Folder</source>
        <translation>打开日志文件夹(&amp;J)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the folder of the record of every deletion</source>
        <translation>打开记录每次删除操作的文件夹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add Account…</source>
        <translation>添加账号(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Manage Accounts…</source>
        <translation>管理账号(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the user guide on the project&apos;s homepage</source>
        <translation>在项目主页上打开用户指南</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Report a Bug…</source>
        <translation>报告问题(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the project&apos;s bug tracker</source>
        <translation>打开项目的问题跟踪页面</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;About ModelArts Image Manager</source>
        <translation>关于 ModelArts 镜像管理器(&amp;A)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Image</source>
        <comment>menu of actions on the selected container images</comment>
        <translation>镜像(&amp;I)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>mim::NoticeBar</name>
    <message>
        <location filename="../views/main/NoticeBar.cpp" line="+38"/>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>mim::PathSegments</name>
    <message>
        <location filename="../models/api/PathSegments.cpp" line="+30"/>
        <source>“%1” cannot be sent as one part of an address.</source>
        <translation>“%1”无法作为地址中的一段发送。</translation>
    </message>
</context>
<context>
    <name>mim::PreferencesDialog</name>
    <message>
        <location filename="../views/main/PreferencesDialog.cpp" line="+43"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System Default</source>
        <comment>user interface language: follow the operating system</comment>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The new language is used the next time ModelArts Image Manager starts.</source>
        <translation>新语言将在 ModelArts 镜像管理器下次启动时生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Remember the image list between sessions</source>
        <translation>在会话之间记住镜像列表(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the last list of an account at once when it is opened, while the current one loads. Only image details are kept, never credentials.</source>
        <translation>打开账号时立即显示其上次的列表，同时加载当前列表。只保存镜像信息，从不保存凭据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clear Cached Lists</source>
        <translation>清除缓存的列表(&amp;C)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language&apos;s format (%1)</source>
        <comment>date format; %1 is an example date</comment>
        <translation>语言格式（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ISO 8601 (%1)</source>
        <comment>date format; %1 is an example date</comment>
        <translation>ISO 8601（%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System</source>
        <comment>theme: the colours of the desktop</comment>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <comment>theme</comment>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <comment>theme</comment>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Theme:</source>
        <comment>light or dark colours</comment>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <comment>user interface language</comment>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image list:</source>
        <translation>镜像列表：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dates:</source>
        <comment>how the date columns show dates</comment>
        <translation>日期(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>mim::Profile</name>
    <message>
        <location filename="../models/accounts/Profile.cpp" line="+46"/>
        <source>%1: %2</source>
        <extracomment>%1 is &quot;ModelArts endpoint&quot; or &quot;IAM endpoint&quot;, %2 the reason</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this address cannot be used.</source>
        <translation>无法使用此地址。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Enter a name for the account.</source>
        <translation>请输入账号名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a region, or enter both the ModelArts and the IAM endpoint.</source>
        <translation>请选择区域，或同时填写 ModelArts 和 IAM 终端节点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a region id (such as cn-north-4). Choose a region, or enter both the ModelArts and the IAM endpoint.</source>
        <translation>“%1”不是区域 ID（如 cn-north-4）。请选择区域，或同时填写 ModelArts 和 IAM 终端节点。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The region “%1” is not known to this version: enter its ModelArts and IAM endpoints.</source>
        <translation>此版本不认识区域“%1”：请填写其 ModelArts 和 IAM 终端节点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ModelArts endpoint</source>
        <translation>ModelArts 终端节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM endpoint</source>
        <translation>IAM 终端节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWR endpoint</source>
        <translation>SWR 终端节点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project id must be 32 lower-case hexadecimal characters; leave it empty to discover it automatically.</source>
        <translation>项目 ID 必须是 32 位小写十六进制字符；留空则自动获取。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter the access key (AK).</source>
        <translation>请输入访问密钥（AK）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The access key (AK) must be 20 upper-case letters and digits.</source>
        <translation>访问密钥（AK）必须是 20 位大写字母和数字。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the IAM user name.</source>
        <translation>请输入 IAM 用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the account name (domain) the IAM user belongs to.</source>
        <translation>请输入 IAM 用户所属的账号名（domain）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CA certificate file “%1” does not exist.</source>
        <translation>CA 证书文件“%1”不存在。</translation>
    </message>
</context>
<context>
    <name>mim::ProfileDialog</name>
    <message>
        <location filename="../views/accounts/ProfileDialog.cpp" line="+68"/>
        <source>Edit Account</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>e.g. Team Beijing</source>
        <translation>例如：北京团队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom endpoints…</source>
        <translation>自定义终端节点…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. cn-north-4 (optional with both endpoints)</source>
        <translation>例如 cn-north-4（填写两个终端节点时可不填）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region &amp;id:</source>
        <translation>区域 ID(&amp;I)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;ModelArts endpoint:</source>
        <translation>ModelArts 终端节点(&amp;M)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;IAM endpoint:</source>
        <translation>IAM 终端节点(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the region&apos;s SWR endpoint when empty</source>
        <translation>留空则使用该区域的 SWR 终端节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;WR endpoint:</source>
        <translation>SWR 终端节点(&amp;W)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>discovered automatically when empty</source>
        <translation>留空时自动获取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Project id:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Access key (AK/SK)</source>
        <translation>访问密钥（AK/SK）(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM &amp;user and password</source>
        <translation>IAM 用户名和密码(&amp;U)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Access key</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access &amp;key (AK):</source>
        <translation>访问密钥（AK）(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret key</source>
        <translation>私有访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Secret key (SK):</source>
        <translation>私有访问密钥（SK）(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security &amp;token:</source>
        <translation>安全令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IAM &amp;user:</source>
        <translation>IAM 用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the account the IAM user belongs to</source>
        <translation>IAM 用户所属的账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ccount (domain):</source>
        <translation>账号名（domain）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unchanged</source>
        <translation>未更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only for temporary access keys</source>
        <translation>仅用于临时访问密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>optional: an extra trusted CA certificate (PEM)</source>
        <translation>可选：额外信任的 CA 证书（PEM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA &amp;certificate:</source>
        <translation>CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Problems to fix</source>
        <translation>需要修正的问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Another account is already called “%1”.</source>
        <translation>已有另一个名为“%1”的账号。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the secret key (SK).</source>
        <translation>请输入私有访问密钥（SK）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the secret key (SK) that belongs to the new access key.</source>
        <translation>请输入与新访问密钥对应的私有访问密钥（SK）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the secret key (SK) together with the new security token.</source>
        <translation>请同时输入私有访问密钥（SK）和新的安全令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Choose a CA Certificate</source>
        <translation>选择 CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Connected: %Ln image(s) visible, project id %1</source>
        <extracomment>%Ln images the account can see, %1 the project id</extracomment>
        <translation>
            <numerusform>已连接：可见 %Ln 个镜像，项目 ID %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ReconciliationResult</name>
    <message>
        <location filename="../models/deletion/JournalReconciler.cpp" line="-164"/>
        <source>The SWR tag %1 was deleted.</source>
        <translation>SWR 镜像版本 %1 已删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SWR tag %1 was not deleted; it is still there.</source>
        <translation>SWR 镜像版本 %1 未被删除，仍然存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whether the SWR tag %1 was deleted is unknown (%2); the app will ask again at the next start.</source>
        <translation>无法确定 SWR 镜像版本 %1 是否已删除（%2）；应用将在下次启动时再次查询。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was deleted.</source>
        <translation>%1 已删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was not deleted; it is still there.</source>
        <translation>%1 未删除，仍然存在。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whether %1 was deleted is unknown (%2); the app will ask again at the next start.</source>
        <translation>无法确定 %1 是否已删除（%2）；本应用将在下次启动时再次查询。</translation>
    </message>
</context>
<context>
    <name>mim::Regions</name>
    <message>
        <location filename="../models/api/Regions.cpp" line="+20"/>
        <source>CN North-Beijing1</source>
        <translation>华北-北京一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN North-Beijing2</source>
        <translation>华北-北京二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN North-Beijing4</source>
        <translation>华北-北京四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN North-Ulanqab1</source>
        <translation>华北-乌兰察布一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN North-Ulanqab-Auto1</source>
        <translation>华北-乌兰察布-汽车一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN North3</source>
        <translation>华北三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN East-Shanghai1</source>
        <translation>华东-上海一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN East2</source>
        <translation>华东二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN South-Guangzhou</source>
        <translation>华南-广州</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN Southwest-Guiyang1</source>
        <translation>西南-贵阳一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN Southwest-Guiyang-Auto2</source>
        <translation>西南-贵阳-汽车二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CN-Hong Kong</source>
        <translation>中国-香港</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP-Bangkok</source>
        <translation>亚太-曼谷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP-Singapore</source>
        <translation>亚太-新加坡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AP-Jakarta</source>
        <translation>亚太-雅加达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AF-Johannesburg</source>
        <translation>非洲-约翰内斯堡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AF-Cairo</source>
        <translation>非洲-开罗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LA-Santiago</source>
        <translation>拉美-圣地亚哥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LA-Mexico City2</source>
        <translation>拉美-墨西哥城二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LA-Sao Paulo1</source>
        <translation>拉美-圣保罗一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TR-Istanbul</source>
        <translation>土耳其-伊斯坦布尔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ME-Riyadh</source>
        <translation>中东-利雅得</translation>
    </message>
</context>
<context>
    <name>mim::RegisterImageDialog</name>
    <message>
        <location filename="../views/tools/RegisterImageDialog.cpp" line="+31"/>
        <source>AArch64 (Arm)</source>
        <comment>processor architecture</comment>
        <translation>AArch64（Arm）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x86_64</source>
        <comment>processor architecture</comment>
        <translation>x86_64</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ascend</source>
        <comment>Huawei&apos;s AI processors</comment>
        <translation>昇腾</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notebook (JupyterLab)</source>
        <comment>a way to use the image in ModelArts</comment>
        <translation>Notebook（JupyterLab）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH</source>
        <comment>remote login, a way to use the image in ModelArts</comment>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>General purpose</source>
        <comment>what an image is for</comment>
        <translation>通用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Development</source>
        <comment>what an image is for</comment>
        <translation>开发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training</source>
        <comment>what an image is for</comment>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inference</source>
        <comment>what an image is for</comment>
        <translation>推理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not specified</source>
        <comment>what an image is for</comment>
        <translation>未指定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Public: every ModelArts user may use it by its ID</source>
        <comment>image visibility</comment>
        <translation>公开：所有 ModelArts 用户都可通过 ID 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private: only this account</source>
        <comment>image visibility</comment>
        <translation>私有：仅限此账号</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Register Image</source>
        <comment>window title</comment>
        <translation>注册镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Makes an image that is already in SWR available in ModelArts, for notebooks and training jobs. The image itself is not copied.</source>
        <translation>将已在 SWR 中的镜像注册到 ModelArts，供 Notebook 和训练作业使用。镜像本身不会被复制。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SWR path</source>
        <translation>SWR 路径</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>工作空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“0” is the default workspace; other workspaces have a 32-character ID.</source>
        <translation>“0”表示默认工作空间；其他工作空间的 ID 为 32 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <comment>of a tag</comment>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <comment>of a tag</comment>
        <translation>值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add Tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>SWR path:</source>
        <translation>SWR 路径：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource types:</source>
        <comment>CPU, GPU, Ascend</comment>
        <translation>资源类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use through:</source>
        <comment>Notebook, SSH</comment>
        <translation>使用方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose:</source>
        <comment>what the image is for: training, inference…</comment>
        <translation>用途：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visibility:</source>
        <translation>可见性：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace:</source>
        <translation>工作空间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <comment>key/value labels</comment>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+243"/>
        <source>Register</source>
        <comment>button</comment>
        <translation>注册</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>The address of the image in SWR, ending in :tag.</source>
        <translation>镜像在 SWR 中的地址，以“:版本”结尾。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Namespace “%1”, image “%2”, tag “%3”.</source>
        <translation>命名空间“%1”，镜像“%2”，版本“%3”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 / %2</source>
        <comment>characters used / allowed</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Registering…</source>
        <comment>button while the request is under way</comment>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>ModelArts accepted the image but its answer could not be read. Refresh the list to see it.</source>
        <translation>ModelArts 已接受该镜像，但无法读取其响应。请刷新列表查看。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ModelArts did not register the image. %1</source>
        <translation>ModelArts 未能注册该镜像。%1</translation>
    </message>
</context>
<context>
    <name>mim::RegisterImageRequest</name>
    <message>
        <location filename="../models/groups/RegisterImageRequest.cpp" line="+34"/>
        <source>The namespace is too long: at most 64 characters.</source>
        <translation>命名空间过长：最多 64 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The namespace must be in lower case.</source>
        <translation>命名空间必须为小写。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The namespace must start with a lower-case letter.</source>
        <translation>命名空间必须以小写字母开头。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The namespace may only contain lower-case letters, digits, “.”, “_” and “-”.</source>
        <translation>命名空间只能包含小写字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The image name is too long: at most 128 characters.</source>
        <translation>镜像名称过长：最多 128 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image name must be in lower case.</source>
        <translation>镜像名称必须为小写。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>Only one “:” is allowed, between the image name and the tag.</source>
        <translation>只允许一个“:”，位于镜像名称和版本之间。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The image name must start with a letter or a digit.</source>
        <translation>镜像名称必须以字母或数字开头。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image name may only contain lower-case letters, digits, “.”, “_” and “-”.</source>
        <translation>镜像名称只能包含小写字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The tag is too long: at most 128 characters.</source>
        <translation>镜像版本过长：最多 128 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag must start with a letter, a digit or “_”.</source>
        <translation>镜像版本必须以字母、数字或“_”开头。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tag may only contain letters, digits, “.”, “_” and “-”.</source>
        <translation>镜像版本只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>a space</source>
        <comment>the character that is not allowed</comment>
        <translation>空格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An SWR path cannot contain %1.</source>
        <comment>%1 is a character such as “#”</comment>
        <translation>SWR 路径不能包含%1。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The SWR path is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>SWR 路径过长：最多 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>The SWR path is too short: at least %Ln characters, registry included.</source>
        <translation>
            <numerusform>SWR 路径过短：包括镜像仓库地址在内至少 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>The description is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>描述过长：最多 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>At most %Ln tags are allowed.</source>
        <translation>
            <numerusform>最多允许 %Ln 个标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The tag key “%1” is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>标签键“%1”过长：最多 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The value of tag “%1” is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>标签“%1”的值过长：最多 %Ln 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Too many “/”: the path has the form registry/namespace/name:tag.</source>
        <translation>“/”过多：路径格式应为 registry/namespace/name:tag。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every part between the “/” must be filled in.</source>
        <translation>“/”之间的每一部分都必须填写。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“%1” is not a registry address such as swr.cn-north-4.myhuaweicloud.com.</source>
        <translation>“%1”不是镜像仓库地址（如 swr.cn-north-4.myhuaweicloud.com）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <source>Go on with the namespace, image name and tag: /namespace/name:tag.</source>
        <translation>请继续填写命名空间、镜像名称和版本：/namespace/name:tag。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the namespace before the image name: namespace/name:tag.</source>
        <translation>请在镜像名称前添加命名空间：namespace/name:tag。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go on with the image name and tag: namespace/name:tag.</source>
        <translation>请继续填写镜像名称和版本：namespace/name:tag。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The image name is missing before the “:”.</source>
        <translation>“:”前缺少镜像名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on with the image name and tag: name:tag.</source>
        <translation>请继续填写镜像名称和版本：name:tag。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the tag after a colon, for example “:latest”.</source>
        <translation>请在冒号后添加版本，例如“:latest”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the tag after the colon.</source>
        <translation>请在冒号后添加版本。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The image is in the SWR of region %1, while this account works in %2: ModelArts in %2 may not be able to pull it.</source>
        <translation>该镜像位于区域 %1 的 SWR 中，而此账号在 %2 中工作：%2 的 ModelArts 可能无法拉取该镜像。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the SWR path of the image.</source>
        <translation>请输入镜像的 SWR 路径。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the architecture of the image.</source>
        <translation>请选择镜像的架构。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one resource type the image runs on.</source>
        <translation>请至少选择一种镜像可运行的资源类型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a resource type ModelArts knows.</source>
        <translation>“%1”不是 ModelArts 支持的资源类型。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose at least one way to use the image (Notebook or SSH).</source>
        <translation>请至少选择一种镜像使用方式（Notebook 或 SSH）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a service ModelArts knows.</source>
        <translation>“%1”不是 ModelArts 支持的服务。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what the image is for.</source>
        <translation>请选择镜像的用途。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose who may use the image.</source>
        <translation>请选择谁可以使用该镜像。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The workspace is “0” (the default) or a 32-character workspace ID.</source>
        <translation>工作空间应为“0”（默认）或 32 个字符的工作空间 ID。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every tag needs a key.</source>
        <translation>每个标签都必须有键。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag key “%1” contains “=”, which separates a tag&apos;s key from its value.</source>
        <translation>标签键“%1”包含“=”，而“=”用于分隔标签的键和值。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The tag key “%1” is used twice.</source>
        <translation>标签键“%1”重复使用。</translation>
    </message>
</context>
<context>
    <name>mim::SecretStore</name>
    <message>
        <location filename="../models/accounts/SecretStore.cpp" line="+116"/>
        <source>No secrets of this account are stored in the keychain. Enter them again.</source>
        <translation>钥匙串中没有保存此账号的密钥，请重新输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keychain service is available (for example GNOME Keyring or KWallet), so secrets cannot be stored safely. Start or install one, or use the account for this session only.</source>
        <translation>没有可用的钥匙串服务（例如 GNOME Keyring 或 KWallet），因此无法安全地保存密钥。请启动或安装一个钥匙串服务，或仅在本次会话中使用此账号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to the keychain was denied. Unlock the keychain or allow this application to use it, then try again.</source>
        <translation>访问钥匙串被拒绝。请解锁钥匙串或允许本应用使用它，然后重试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check that a keychain service (for example GNOME Keyring or KWallet) is running and unlocked.</source>
        <translation>请确认钥匙串服务（例如 GNOME Keyring 或 KWallet）正在运行且已解锁。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain reported an error.</source>
        <translation>钥匙串报告了错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keychain reported an error: %1.</source>
        <translation>钥匙串报告了错误：%1。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The keychain entry of this account cannot be read. Enter the secrets again.</source>
        <translation>无法读取此账号的钥匙串条目，请重新输入密钥。</translation>
    </message>
</context>
<context>
    <name>mim::SecretsEntryDialog</name>
    <message>
        <location filename="../views/accounts/KeychainPrompts.cpp" line="+28"/>
        <source>Secrets Not Saved</source>
        <translation>密钥未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The secrets could not be saved in the keychain.</source>
        <translation>无法将密钥保存到钥匙串中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can use the account until the application quits; the secrets are then forgotten. They are never written to a file.</source>
        <translation>在应用退出之前您可以使用此账号，之后密钥将被清除。密钥永远不会写入文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use for This Session Only</source>
        <translation>仅用于本次会话</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove Account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the account “%1”?</source>
        <translation>确定移除账号“%1”吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its settings and its secrets in the keychain are deleted. The images in the cloud are not touched.</source>
        <translation>将删除其设置以及钥匙串中的密钥。云上的镜像不受影响。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Discard Changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard what you entered for this account?</source>
        <translation>放弃为此账号输入的内容？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account is not saved and the fields are cleared.</source>
        <translation>账号不会被保存，已填写的内容将被清除。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Secrets of “%1”</source>
        <translation>“%1”的密钥</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter the secret key of the access key %1 to use the account now.</source>
        <translation>请输入访问密钥 %1 对应的私有访问密钥，以便立即使用此账号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Secret key</source>
        <translation>私有访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Secret key (SK):</source>
        <translation>私有访问密钥（SK）(&amp;S)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only for temporary access keys</source>
        <translation>仅用于临时访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security token</source>
        <translation>安全令牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security &amp;token:</source>
        <translation>安全令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the password of the IAM user %1 to use the account now.</source>
        <translation>请输入 IAM 用户 %1 的密码，以便立即使用此账号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save in the &amp;keychain</source>
        <translation>保存到钥匙串(&amp;K)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>mim::SelectionActions</name>
    <message>
        <location filename="../views/main/SelectionActions.cpp" line="+101"/>
        <source>Built-in images cannot be deleted.</source>
        <translation>预置镜像不能删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the selected images (%1)</source>
        <translation>删除所选镜像（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected images</source>
        <translation>删除所选镜像</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Copied %Ln image ID(s).</source>
        <translation>
            <numerusform>已复制 %Ln 个镜像 ID。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %Ln SWR path(s).</source>
        <translation>
            <numerusform>已复制 %Ln 个 SWR 路径。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Copied %Ln name:tag line(s).</source>
        <translation>
            <numerusform>已复制 %Ln 行“名称:版本”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::ShortcutsDialog</name>
    <message>
        <location filename="../views/main/ShortcutsDialog.cpp" line="+52"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>, </source>
        <comment>between two shortcuts</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Context menu of the selected images</source>
        <translation>所选镜像的上下文菜单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 or %2</source>
        <comment>two shortcuts</comment>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the filter box to the table</source>
        <translation>从筛选框转到表格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down or Enter</source>
        <translation>下箭头或回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running deletions</source>
        <translation>停止正在进行的删除</translation>
    </message>
</context>
<context>
    <name>mim::SizeUnit</name>
    <message numerus="yes">
        <location filename="../models/api/SizeUnitInference.cpp" line="+70"/>
        <source>ModelArts&apos; image size is read as bytes: for %1 of %Ln images compared, the size of their SWR tag (in bytes) is about the same number.</source>
        <translation>
            <numerusform>ModelArts 的镜像大小按字节解读：在比较的 %Ln 个镜像中，有 %1 个的 SWR 镜像版本大小（字节）与之大致相同。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>ModelArts&apos; image size is read as KB, as documented: for %1 of %Ln images compared, the size of their SWR tag (in bytes) is about 1,024 times it.</source>
        <translation>
            <numerusform>ModelArts 的镜像大小按文档所述以 KB 解读：在比较的 %Ln 个镜像中，有 %1 个的 SWR 镜像版本大小（字节）约为其 1,024 倍。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ModelArts&apos; image size is read as KB, as the API documents: no image&apos;s SWR tag size is known to compare it with.</source>
        <translation>ModelArts 的镜像大小按 API 文档所述以 KB 解读：没有已知 SWR 镜像版本大小的镜像可供比较。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>ModelArts&apos; image size is read as KB, as the API documents: only %Ln image(s) could be compared with their SWR tag, too few to decide.</source>
        <translation>
            <numerusform>ModelArts 的镜像大小按 API 文档所述以 KB 解读：仅有 %Ln 个镜像可与其 SWR 镜像版本比较，数量太少，无法判断。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ModelArts&apos; image size is read as KB, as the API documents: the images compared with their SWR tag disagree (%1 read as KB, %2 as bytes).</source>
        <translation>ModelArts 的镜像大小按 API 文档所述以 KB 解读：与 SWR 镜像版本比较的镜像结果不一致（%1 个按 KB，%2 个按字节）。</translation>
    </message>
</context>
<context>
    <name>mim::StorageBarChart</name>
    <message>
        <location filename="../views/storage/StorageBarChart.cpp" line="+22"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Storage by organization</source>
        <translation>各组织的存储</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 registered · %2 not registered</source>
        <comment>chart: bytes of tags registered in ModelArts, and not</comment>
        <translation>已注册 %1 · 未注册 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Organization %1</source>
        <translation>组织 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered in ModelArts: %1</source>
        <translation>已在 ModelArts 中注册：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Not registered: %1 in %n tag(s)</source>
        <translation>
            <numerusform>未注册：%1，共 %n 个镜像版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Total: %1 in %n tag(s)</source>
        <translation>
            <numerusform>合计：%1，共 %n 个镜像版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n tag(s) of unknown size are not counted.</source>
        <translation>
            <numerusform>%n 个大小未知的镜像版本未计入。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+159"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No organizations</source>
        <translation>没有组织</translation>
    </message>
</context>
<context>
    <name>mim::StorageRepositoryModel</name>
    <message numerus="yes">
        <location filename="../views/storage/StorageRepositoryModel.cpp" line="+144"/>
        <source>%1 of %n tag(s) registered</source>
        <translation>
            <numerusform>%n 个镜像版本中 %1 个已注册</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Repository or tag</source>
        <translation>仓库或镜像版本</translation>
    </message>
</context>
<context>
    <name>mim::StorageTagModel</name>
    <message>
        <location filename="../views/storage/StorageTagModel.cpp" line="+35"/>
        <source>Unknown</source>
        <comment>size of an SWR tag</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not registered</source>
        <translation>未注册</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Registered (%n image(s))</source>
        <translation>
            <numerusform>已注册（%n 个镜像）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown</source>
        <comment>whether an image is in use could not be checked</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in use</source>
        <translation>未使用</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1, +%n more</source>
        <translation>
            <numerusform>%1，另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Whether the images of this tag are in use could not be checked.</source>
        <translation>无法检查引用此镜像版本的镜像是否正在使用。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registered in ModelArts: delete the image with force instead.</source>
        <translation>已在 ModelArts 中注册：请改为强制删除其镜像。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Tag</source>
        <translation>镜像版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In ModelArts</source>
        <translation>ModelArts 中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used by</source>
        <translation>使用方</translation>
    </message>
</context>
<context>
    <name>mim::Swr</name>
    <message>
        <location filename="../models/api/Swr.cpp" line="+45"/>
        <source>it is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is longer than %1 characters</source>
        <translation>长度超过 %1 个字符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>it is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a whole number from 0 to %2</source>
        <translation>%1 不是 0 到 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>it is not a number from 0 to %1</source>
        <translation>不是 0 到 %1 之间的数字</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>it is not true or false</source>
        <translation>不是 true 或 false</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>it is not a list</source>
        <translation>不是列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>it has more than %1 entries</source>
        <translation>条目超过 %1 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an entry is not a short text</source>
        <translation>有条目不是短文本</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>record %1, field “%2”: %3</source>
        <extracomment>%1 the record&apos;s position (from 1), %2 a JSON field name, %3 what is wrong with it</extracomment>
        <translation>第 %1 条记录，字段“%2”：%3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The answer is not JSON: %1</source>
        <translation>应答不是 JSON：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>record %1 is not an object</source>
        <translation>第 %1 条记录不是对象</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The answer is not a list (a JSON array).</source>
        <translation>应答不是列表（JSON 数组）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The Content-Range “%1” is not START-END/TOTAL.</source>
        <translation>Content-Range“%1”不是 START-END/TOTAL 格式。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Content-Range “%1” is not a range within its total.</source>
        <translation>Content-Range“%1”不是其总数之内的范围。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server sent %1 records but says there are none.</source>
        <translation>服务器发送了 %1 条记录，却称一条也没有。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server sent %1 records but says the page holds none.</source>
        <translation>服务器发送了 %1 条记录，却称一条也没有。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server sent no records at %1 of %2.</source>
        <translation>服务器在共 %2 条中的位置 %1 处没有发送任何记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server sent %1 records at %2 but says they are %3 to %4.</source>
        <translation>服务器在位置 %2 处发送了 %1 条记录，却称它们是第 %3 至 %4 条。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The answer has no list “namespaces”.</source>
        <translation>应答中没有列表“namespaces”。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The answer is not an object.</source>
        <translation>应答不是对象。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The repository has no name.</source>
        <translation>仓库没有名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The repository name “%1” contains “$”, which SWR reads as “/”; no request was sent for it.</source>
        <translation>仓库名称“%1”包含“$”，SWR 会将其读作“/”；未为其发送任何请求。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SWR refused to show the account&apos;s repositories. Ask your administrator for the IAM role “SWR Admin” (or “Tenant Guest” to read only) in this region, or for the read permission on the organization in SWR.</source>
        <translation>SWR 拒绝显示该账号的仓库。请向管理员申请本区域的 IAM 角色“SWR Admin”（只读可用“Tenant Guest”），或在 SWR 中申请该组织的读取权限。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SWR refused to delete the tag. Ask your administrator for the IAM role “SWR Admin” in this region, or for the manage permission on this organization in SWR.</source>
        <translation>SWR 拒绝删除该镜像版本。请向管理员申请本区域的 IAM 角色“SWR Admin”，或在 SWR 中申请该组织的管理权限。</translation>
    </message>
</context>
<context>
    <name>mim::SwrInventory</name>
    <message>
        <location filename="../models/storage/SwrInventory.cpp" line="+200"/>
        <source>Loading SWR storage was cancelled.</source>
        <translation>已取消加载 SWR 存储。</translation>
    </message>
</context>
<context>
    <name>mim::SwrListing</name>
    <message>
        <location filename="../models/api/SwrListing.cpp" line="+75"/>
        <source>The listing was cancelled.</source>
        <translation>列表读取已取消。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SWR tag list</source>
        <translation>SWR 镜像版本列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWR repository list</source>
        <translation>SWR 仓库列表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 would take more than %2 requests; it was stopped.</source>
        <translation>读取%1需要超过 %2 次请求，已停止。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The %1 kept changing while it was read (%2 attempts).</source>
        <translation>%1在读取期间不断变化（共尝试 %2 次）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the server sent the same records again at %1.</source>
        <translation>服务器在位置 %1 处再次发送了相同的记录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 did not add up to its total, %2 times in a row.</source>
        <translation>%1的条目数连续 %2 次与其总数不符。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The %1 sends %2 entries per page for %3 entries: reading them would take %4 requests. It was stopped.</source>
        <translation>%1每页发送 %2 条，共 %3 条：读取需要 %4 次请求，已停止。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The %1 reports %2 entries; this app reads at most %3. It was stopped.</source>
        <translation>%1报告有 %2 条；本应用最多读取 %3 条，已停止。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The %1 could not be read: %2</source>
        <translation>无法读取%1：%2</translation>
    </message>
</context>
<context>
    <name>mim::SwrStorageDialog</name>
    <message>
        <location filename="../views/storage/SwrStorageDialog.cpp" line="+92"/>
        <source>SWR Storage</source>
        <translation>SWR 存储</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+253"/>
        <source>Reading SWR…</source>
        <translation>正在读取 SWR…</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Repositories read</source>
        <translation>已读取的仓库</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+127"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+248"/>
        <source>Reading SWR was cancelled.</source>
        <translation>已取消读取 SWR。</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Repositories and their tags</source>
        <translation>仓库及其镜像版本</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tags not registered in ModelArts</source>
        <translation>未在 ModelArts 中注册的镜像版本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not Registered in ModelArts</source>
        <translation>未在 ModelArts 中注册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repositories</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete Selected Tags…</source>
        <translation>删除所选镜像版本…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Tags deleted</source>
        <translation>已删除的镜像版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send no further requests; those already sent finish.</source>
        <translation>不再发送新的请求；已发送的请求会完成。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tag</source>
        <translation>镜像版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletion results</source>
        <translation>删除结果</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Stopping: the requests already sent finish first…</source>
        <translation>正在停止：先等待已发送的请求完成…</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Reading the tags of %1 of %n repositories…</source>
        <translation>
            <numerusform>正在读取镜像版本：第 %1 个仓库，共 %n 个…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SWR could not be read.</source>
        <translation>无法读取 SWR。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Everything else in the app works as before.</source>
        <translation>应用的其他功能照常可用。</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Total %1 in %n organization(s), %2 of it registered in ModelArts.</source>
        <translation>
            <numerusform>%n 个组织共 %1，其中 %2 已在 ModelArts 中注册。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Not registered: %1 in %n tag(s).</source>
        <translation>
            <numerusform>未注册：%1，共 %n 个镜像版本。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sizes as SWR reports them (bytes).</source>
        <translation>大小按 SWR 报告的值（字节）。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n tag(s) of unknown size are not counted.</source>
        <translation>
            <numerusform>%n 个大小未知的镜像版本未计入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n image(s) stored in an SWR Enterprise instance are not shown: not supported yet.</source>
        <translation>
            <numerusform>%n 个存储在 SWR 企业版实例中的镜像未显示：暂不支持。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered: %1 bytes; not registered: %2 bytes</source>
        <translation>已注册：%1 字节；未注册：%2 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This account stores no images in SWR in this region.</source>
        <translation>此账号在该区域的 SWR 中没有存储镜像。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Tags are being deleted.</source>
        <translation>正在删除镜像版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select tags not registered in ModelArts.</source>
        <translation>请选择未在 ModelArts 中注册的镜像版本。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete the %n selected tag(s) from SWR, after a confirmation.</source>
        <translation>
            <numerusform>确认后从 SWR 删除所选的 %n 个镜像版本。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The deletion could not be started.</source>
        <translation>无法开始删除。</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Deleted %1 of %n tag(s)…</source>
        <translation>
            <numerusform>已删除 %1 个，共 %n 个镜像版本…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already gone</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown: the request may have reached SWR; reload to see whether the tag is still there</source>
        <translation>未知：请求可能已到达 SWR；请重新加载以查看该镜像版本是否仍然存在</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Deleted %n tag(s), %1 freed.</source>
        <translation>
            <numerusform>已删除 %n 个镜像版本，释放 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n already gone.</source>
        <translation>
            <numerusform>%n 个已不存在。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n not deleted.</source>
        <translation>
            <numerusform>%n 个未删除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mim::TagDeletionQueue</name>
    <message>
        <location filename="../models/storage/TagDeletionQueue.cpp" line="+74"/>
        <source>The account was closed.</source>
        <translation>账号已关闭。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not sent: the deletion journal could not be written (%1).</source>
        <translation>未发送：无法写入删除日志（%1）。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Not sent: the deletion was cancelled.</source>
        <translation>未发送：删除已取消。</translation>
    </message>
</context>
<context>
    <name>mim::UrlOpener</name>
    <message>
        <location filename="../views/common/UrlOpener.cpp" line="+24"/>
        <source>Could Not Open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No file manager could open this folder:</source>
        <translation>没有文件管理器能打开此文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No web browser could open this address:</source>
        <translation>没有网页浏览器能打开此地址：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>mim::UsageListing</name>
    <message>
        <location filename="../models/api/UsageListing.cpp" line="+31"/>
        <source>notebook list</source>
        <translation>Notebook 列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training job list</source>
        <translation>训练作业列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service list</source>
        <translation>在线服务列表</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The listing was cancelled.</source>
        <translation>列表查询已取消。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The %1 would take more than %2 requests; it was stopped.</source>
        <translation>读取%1需要超过 %2 次请求，已停止。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The %1 reports %2 entries; this app reads at most %3. It was stopped.</source>
        <translation>%1报告有 %2 条记录；本应用最多读取 %3 条，已停止。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The %1 sends %2 entries per page for %3 entries: reading them would take %4 requests. It was stopped.</source>
        <translation>%1每页返回 %2 条记录，共 %3 条：读取全部需要 %4 次请求，已停止。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The %1 kept changing while it was read (%2 attempts).</source>
        <translation>%1在读取过程中不断变化（已尝试 %2 次）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 reported %2 entries but sent %3 different ones, %4 times in a row.</source>
        <translation>%1报告有 %2 条记录，但连续 %4 次只返回了 %3 条不同的记录。</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln entries of the %1 could not be read: %2</source>
        <translation>
            <numerusform>%1中有 %Ln 条记录无法读取：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+153"/>
        <source>The %1 sent %2 entries in a page of %3 before its end; the rest cannot be reached.</source>
        <translation>%1在末页之前的某页中只返回了 %2 条记录（每页应为 %3 条）；其余记录无法读取。</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>There are %1 services; this app looks up at most %2 of them one by one.</source>
        <translation>共有 %1 个在线服务；本应用最多逐个查询其中 %2 个。</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>The %1 could not be read: %2</source>
        <translation>无法读取%1：%2</translation>
    </message>
</context>
<context>
    <name>mim::UsageSummary</name>
    <message>
        <location filename="../models/catalog/UsageSummary.cpp" line="+52"/>
        <source>Notebooks, training jobs and services are still being checked.</source>
        <translation>正在检查 Notebook、训练作业和服务。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>this account lacks the permission to list them</source>
        <translation>此账号没有列出它们的权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this region does not offer the API to list them</source>
        <translation>此区域不提供列出它们的 API</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notebooks could not be listed: %1</source>
        <translation>无法列出 Notebook：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training jobs could not be listed: %1</source>
        <translation>无法列出训练作业：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services could not be listed: %1</source>
        <translation>无法列出服务：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in use</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <comment>whether an image is in use could not be checked</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training job</source>
        <translation>训练作业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>service</source>
        <comment>a ModelArts inference service</comment>
        <translation>在线服务</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2</source>
        <comment>kind and name: notebook llm-dev</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 (%3)</source>
        <comment>kind, name and status: notebook llm-dev (Running)</comment>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, +%2 more</source>
        <comment>the first user of an image and how many others</comment>
        <translation>%1，另有 %2 项</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking…</source>
        <comment>whether an image is in use is being checked</comment>
        <translation>正在检查…</translation>
    </message>
</context>
<context>
    <name>mim::WorkspacePage</name>
    <message>
        <location filename="../models/api/Workspace.cpp" line="+25"/>
        <source>The response has no &quot;workspaces&quot; array.</source>
        <translation>响应中没有 &quot;workspaces&quot; 数组。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The response&apos;s &quot;total_count&quot; is not an integer.</source>
        <translation>响应中的 &quot;total_count&quot; 不是整数。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>workspace %1: no valid id</source>
        <translation>工作空间 %1：没有有效的 ID</translation>
    </message>
</context>
<context>
    <name>mim::app::AppPaths</name>
    <message>
        <location filename="../app/AppPaths.cpp" line="+106"/>
        <source>There is no account called “%1”, and no account is saved yet.</source>
        <translation>没有名为“%1”的账号，且尚未保存任何账号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no account called “%1”. Saved accounts: %2</source>
        <translation>没有名为“%1”的账号。已保存的账号：%2</translation>
    </message>
</context>
<context>
    <name>mim::app::CommandLine</name>
    <message>
        <location filename="../app/CommandLine.cpp" line="+54"/>
        <source>The address is not a valid URL.</source>
        <translation>该地址不是有效的 URL。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--%1 %2: %3</source>
        <translation>--%1 %2：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lists and deletes Huawei Cloud ModelArts container images.</source>
        <translation>列出并删除华为云 ModelArts 容器镜像。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect with the saved account &lt;name&gt;.</source>
        <translation>使用已保存的账号 &lt;name&gt; 连接。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to the ModelArts endpoint &lt;url&gt; with the credentials in the environment variables HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and optionally HUAWEICLOUD_SDK_SECURITY_TOKEN and HUAWEICLOUD_SDK_PROJECT_ID. Nothing is saved.</source>
        <translation>使用环境变量 HUAWEICLOUD_SDK_AK、HUAWEICLOUD_SDK_SK（以及可选的 HUAWEICLOUD_SDK_SECURITY_TOKEN 和 HUAWEICLOUD_SDK_PROJECT_ID）中的凭证连接到 ModelArts 终端节点 &lt;url&gt;。不保存任何内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The IAM endpoint to use with --endpoint (default: the region&apos;s).</source>
        <translation>与 --endpoint 一起使用的 IAM 终端节点（默认：该区域的终端节点）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The region of --endpoint, or connect to this region&apos;s endpoints with the credentials in the environment.</source>
        <translation>--endpoint 所在的区域；或使用环境变量中的凭证连接到该区域的终端节点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The project id to use with --endpoint or --region (default: discovered).</source>
        <translation>与 --endpoint 或 --region 一起使用的项目 ID（默认：自动获取）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the application on built-in demo data. Nothing is saved.</source>
        <translation>使用内置演示数据试用本应用。不保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect without a window, list the images once, print how many there are and exit (0 = success, 1 = failure).</source>
        <translation>不打开窗口直接连接，列出一次镜像，输出镜像数量后退出（0 = 成功，1 = 失败）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How much to log: debug, info or warning (default: info).</source>
        <translation>日志级别：debug、info 或 warning（默认：info）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>level</source>
        <translation>level</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--log-level must be debug, info or warning, not “%1”.</source>
        <translation>--log-level 必须是 debug、info 或 warning，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use only one of --demo, --profile and --endpoint/--region.</source>
        <translation>--demo、--profile 和 --endpoint/--region 只能使用其中之一。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--profile needs the name of a saved account.</source>
        <translation>--profile 需要一个已保存账号的名称。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--iam-endpoint is only used together with --endpoint.</source>
        <translation>--iam-endpoint 只能与 --endpoint 一起使用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--region “%1” is not a region id (such as cn-north-4).</source>
        <translation>--region “%1”不是区域 ID（如 cn-north-4）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--project-id is only used together with --endpoint or --region.</source>
        <translation>--project-id 只能与 --endpoint 或 --region 一起使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--project-id “%1” is not a project id (32 lower-case hexadecimal characters).</source>
        <translation>--project-id “%1”不是项目 ID（32 位小写十六进制字符）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The region “%1” is not known to this version: give its endpoint with --endpoint.</source>
        <translation>此版本不认识区域“%1”：请用 --endpoint 指定其终端节点。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--%1 needs credentials in the environment variables %2 and %3.</source>
        <translation>--%1 需要环境变量 %2 和 %3 中的凭证。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a project id (32 lower-case hexadecimal characters).</source>
        <translation>%1 不是项目 ID（32 位小写十六进制字符）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the project id (--project-id or %1), or the region (--region) to discover it.</source>
        <translation>请指定项目 ID（--project-id 或 %1），或指定区域（--region）以自动获取。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (environment)</source>
        <extracomment>The session-only account made from environment variables; %1 is a host name or a region</extracomment>
        <translation>%1（环境变量）</translation>
    </message>
</context>
<context>
    <name>mim::app::DemoServer</name>
    <message numerus="yes">
        <location filename="../app/DemoServer.cpp" line="+32"/>
        <source>The demo server did not start within %Ln seconds.</source>
        <translation>
            <numerusform>演示服务器未能在 %Ln 秒内启动。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The demo server program %1 could not be started: %2</source>
        <translation>无法启动演示服务器程序 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The demo server stopped with exit code %1.</source>
        <translation>演示服务器已停止，退出代码 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo server stopped: %1</source>
        <translation>演示服务器已停止：%1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The demo server program modelarts-sandbox was not found beside the application or on the PATH.</source>
        <translation>在应用程序所在目录和 PATH 中都找不到演示服务器程序 modelarts-sandbox。</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+8"/>
        <source>The demo server answered with something unexpected.</source>
        <translation>演示服务器返回了意外的内容。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Demo</source>
        <extracomment>The session-only account of the built-in demo data</extracomment>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../app/GuiSession.cpp" line="+125"/>
        <source>Demo Not Available</source>
        <translation>演示不可用</translation>
    </message>
</context>
<context>
    <name>mim::app::QtOptions</name>
    <message>
        <location filename="../app/QtOptions.cpp" line="+18"/>
        <source>The platform plugin to use.</source>
        <translation>要使用的平台插件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where to look for platform plugins.</source>
        <translation>查找平台插件的位置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The platform theme to use.</source>
        <translation>要使用的平台主题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load an additional input plugin.</source>
        <translation>加载额外的输入插件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The main window&apos;s geometry.</source>
        <translation>主窗口的位置和大小。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The main window&apos;s icon.</source>
        <translation>主窗口的图标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The main window&apos;s title.</source>
        <translation>主窗口的标题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lay the window out from right to left.</source>
        <translation>窗口从右向左布局。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the application from a session.</source>
        <translation>从会话恢复应用程序。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The X11 display to use.</source>
        <translation>要使用的 X11 显示。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The main window&apos;s geometry (X11).</source>
        <translation>主窗口的位置和大小（X11）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The widget style, such as Fusion.</source>
        <translation>控件样式，例如 Fusion。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A style sheet to apply.</source>
        <translation>要应用的样式表。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print how many widgets were left at exit (debugging).</source>
        <translation>退出时打印剩余的控件数量（调试用）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enable the QML debugger (unused here).</source>
        <translation>启用 QML 调试器（本程序不使用）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Native dialogs on Windows.</source>
        <translation>Windows 上的原生对话框。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The font engine on Windows.</source>
        <translation>Windows 上的字体引擎。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Qt options:</source>
        <translation>Qt 选项：</translation>
    </message>
</context>
<context>
    <name>mim::app::SelfTest</name>
    <message>
        <location filename="../app/SelfTestRunner.cpp" line="+52"/>
        <source>Nothing to test: give --profile, --endpoint or --demo.</source>
        <translation>没有可测试的内容：请指定 --profile、--endpoint 或 --demo。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/SelfTest.cpp" line="+57"/>
        <source>No answer within %Ln second(s).</source>
        <translation>
            <numerusform>%Ln 秒内没有响应。</numerusform>
        </translation>
    </message>
</context>
</TS>
