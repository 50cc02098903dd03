/**
 * Lua shared by the scripts that walk sorted sets: Redis orders members of equal score by their bytes,
 * and Lua's `<` on strings follows the locale, so pages resume after a member with this instead.
 */
export const BYTES_LESS_LUA = `
local function bytesLess(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
`;
