import { describeExercises } from './gradeAll';

describeExercises('nsq');
