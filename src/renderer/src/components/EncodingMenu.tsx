/** The status bar's encoding: shows how the file was read and reopens it in another encoding. */
const COMMON_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
  'koi8-r',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
];

interface EncodingMenuProps {
  encoding: string;
  bom: boolean;
  onReopen(encoding: string): void;
}

export function EncodingMenu({ encoding, bom, onReopen }: EncodingMenuProps) {
  const options = COMMON_ENCODINGS.includes(encoding) ? COMMON_ENCODINGS : [encoding, ...COMMON_ENCODINGS];
  return (
    <label className="encoding" title="Reopen the file with another encoding">
      <select
        aria-label="Reopen with encoding"
        value={encoding}
        onChange={(event) => onReopen(event.target.value)}
      >
        {options.map((name) => (
          <option key={name} value={name}>
            {name.toUpperCase()}
            {name === encoding && bom ? ' with BOM' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
