import { useProjectSegments } from './segment-catalogue';

interface SegmentPickerProps {
  /** The chosen segment id ('' for none yet). */
  value: string;
  onChange: (segmentId: string) => void;
  label: string;
}

/** A select of the project's saved segments; a reference to a deleted one stays visible as such. */
export function SegmentPicker({ value, onChange, label }: SegmentPickerProps) {
  const segments = useProjectSegments();
  const known = segments?.some((segment) => segment.id === value) ?? true;
  return (
    <select className="input condition-row__field" aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{segments === undefined ? 'Loading segments…' : 'Choose a segment'}</option>
      {!known && value !== '' && <option value={value}>Deleted segment ({value.slice(0, 8)}…)</option>}
      {(segments ?? []).map((segment) => (
        <option key={segment.id} value={segment.id}>
          {segment.name}
        </option>
      ))}
    </select>
  );
}
