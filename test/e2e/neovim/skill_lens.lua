-- The Skill Lens server under Neovim 0.7 (headless) as a second LSP client: diagnostics for a
-- wrong level arrive, and completion offers a skill name. Run by test/e2e/neovim.test.sh.
local server = assert(os.getenv('SKILL_LENS_SERVER'), 'SKILL_LENS_SERVER')
local file = assert(os.getenv('SKILL_LENS_FILE'), 'SKILL_LENS_FILE')
local passed, failed = 0, 0

local function out(line) io.stdout:write(line .. '\n') end
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out('  ok   ' .. name)
  else
    failed = failed + 1
    out('  FAIL ' .. name .. (detail and (': ' .. detail) or ''))
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
local diagnostics

local client_id = vim.lsp.start_client({
  name = 'skill-lens',
  cmd = { server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if result and result.uri == uri then diagnostics = result.diagnostics end
    end,
  },
})
check('the server starts', client_id ~= nil)
vim.lsp.buf_attach_client(bufnr, client_id)

-- Diagnostics: the fixture gives `**Information security** (wizard)`.
vim.wait(15000, function() return diagnostics ~= nil and #diagnostics > 0 end, 50)
local codes = {}
for _, d in ipairs(diagnostics or {}) do table.insert(codes, tostring(d.code)) end
check('diagnostics arrive with code unknown-level', vim.tbl_contains(codes, 'unknown-level'),
  'codes: ' .. table.concat(codes, ', '))

-- Completion: a new list item `- **Informa` at the end of the buffer.
local line = vim.api.nvim_buf_line_count(bufnr)
local text = '- **Informa'
vim.api.nvim_buf_set_lines(bufnr, line, line, false, { text })
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
  textDocument = { uri = uri },
  position = { line = line, character = #text },
}, 10000)
local labels = {}
for _, response in pairs(responses or {}) do
  local result = response.result or {}
  for _, item in ipairs(result.items or result) do table.insert(labels, item.label) end
end
check('completion offers Information security', vim.tbl_contains(labels, 'Information security'),
  #labels .. ' items: ' .. table.concat(vim.list_slice(labels, 1, 5), ', '))

-- Hover on the skill name of line 9 (0-based 8): `- **Information security** (wizard)`.
local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = uri },
  position = { line = 8, character = 8 },
}, 10000)
local hoverText = ''
for _, response in pairs(hovers or {}) do
  local contents = response.result and response.result.contents
  if type(contents) == 'table' then hoverText = hoverText .. (contents.value or vim.inspect(contents)) end
end
check('hover explains the skill', hoverText:find('Information security', 1, true) ~= nil, hoverText:sub(1, 200))

-- Go to definition: Neovim cannot open the VS Code extension's skill-lens: views, so the server
-- answers with a read-only file holding the framework, the skill's heading at the line given.
local definitions = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', {
  textDocument = { uri = uri },
  position = { line = 8, character = 8 },
}, 10000)
local target
for _, response in pairs(definitions or {}) do
  local result = response.result
  if result and result.uri then target = result elseif result and result[1] then target = result[1] end
end
local targetUri = target and (target.uri or target.targetUri) or ''
local heading = ''
if targetUri:sub(1, 5) == 'file:' then
  local lines = vim.fn.readfile(vim.uri_to_fname(targetUri))
  local range = target.range or target.targetSelectionRange
  heading = lines[range.start.line + 1] or ''
end
check('go to definition opens the skill in a file Neovim can read', heading == '## Information security',
  targetUri .. ' -> ' .. heading)

vim.lsp.stop_client(client_id)
out(string.format('neovim: %d passed, %d failed', passed, failed))
if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
