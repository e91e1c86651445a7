// A search box that tells its owner after a short pause (or at once on Enter),
// so typing on a slow link does not send a request per letter.
import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

export function SearchInput({ value, onSearch, label, placeholder, w }: {
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder?: string;
  w?: number | string;
}) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  useEffect(() => setText(value), [value]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const schedule = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(q.trim()), 350);
  };

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      w={w}
      onChange={(e) => {
        setText(e.currentTarget.value);
        schedule(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          if (timer.current) clearTimeout(timer.current);
          onSearch(text.trim());
        }
      }}
    />
  );
}
