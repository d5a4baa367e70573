export { SetStageForm, StageBadge, StageChecklist, StageTimeline } from './components/StageParts';
export { useStagePeriods } from './api/queries';
export { STAGE_COLORS } from './components/timeline';
